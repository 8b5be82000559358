// Structural check for the CloudNativePG resources (Cluster, ScheduledBackup)
// and the Barman Cloud plugin's ObjectStore. No npm or Maven Central package
// ships their CRD schemas, so this is a hand-maintained subset of the published
// API reference (postgresql.cnpg.io/v1, barmancloud.cnpg.io/v1): the fields this
// project uses, with their types, plus their documented siblings. A field not
// listed here is rejected, so a typo cannot slip through; extend the lists when
// you start using another documented field.

const str = { t: "string" };
const int = { t: "integer" };
const bool = { t: "boolean" };
const any = { t: "any" };
const quantity = { t: "quantity" };
const strMap = { t: "object", extra: str };
const obj = (p, req = []) => ({ t: "object", p, req });
const arr = (items) => ({ t: "array", items });
const oneOf = (...values) => ({ t: "string", enum: values });
const localRef = obj({ name: str }, ["name"]);
const secretKeyRef = obj({ name: str, key: str }, ["name", "key"]);
const resources = obj({ requests: obj({ cpu: quantity, memory: quantity }), limits: obj({ cpu: quantity, memory: quantity }), claims: any });
const storage = obj({ size: quantity, storageClass: str, resizeInUseVolumes: bool, pvcTemplate: any });

const clusterSpec = obj(
  {
    description: str,
    instances: { t: "integer", min: 1 },
    imageName: str,
    imageCatalogRef: any,
    imagePullPolicy: oneOf("Always", "IfNotPresent", "Never"),
    imagePullSecrets: arr(localRef),
    primaryUpdateStrategy: oneOf("unsupervised", "supervised"),
    primaryUpdateMethod: oneOf("switchover", "restart"),
    enableSuperuserAccess: bool,
    superuserSecret: localRef,
    enablePDB: bool,
    bootstrap: obj({
      initdb: obj({
        database: str,
        owner: str,
        secret: localRef,
        encoding: str,
        localeCollate: str,
        localeCType: str,
        locale: str,
        dataChecksums: bool,
        walSegmentSize: int,
        options: arr(str),
        postInitSQL: arr(str),
        postInitApplicationSQL: arr(str),
        postInitTemplateSQL: arr(str),
        postInitApplicationSQLRefs: any,
        import: any,
      }),
      recovery: any,
      pg_basebackup: any,
    }),
    postgresql: obj({
      parameters: strMap,
      pg_hba: arr(str),
      pg_ident: arr(str),
      shared_preload_libraries: arr(str),
      synchronous: any,
      ldap: any,
      promotionTimeout: int,
      enableAlterSystem: bool,
      extensions: any,
    }),
    storage,
    walStorage: storage,
    tablespaces: any,
    resources,
    affinity: obj({
      enablePodAntiAffinity: bool,
      topologyKey: str,
      podAntiAffinityType: oneOf("preferred", "required"),
      nodeSelector: strMap,
      nodeAffinity: any,
      tolerations: any,
      additionalPodAntiAffinity: any,
      additionalPodAffinity: any,
    }),
    topologySpreadConstraints: any,
    priorityClassName: str,
    schedulerName: str,
    serviceAccountTemplate: any,
    plugins: arr(
      obj({ name: str, enabled: bool, isWALArchiver: bool, parameters: strMap }, ["name"]),
    ),
    backup: obj({
      barmanObjectStore: any,
      volumeSnapshot: any,
      retentionPolicy: str,
      target: oneOf("primary", "prefer-standby"),
    }),
    monitoring: obj({
      enablePodMonitor: bool,
      disableDefaultQueries: bool,
      customQueriesConfigMap: any,
      customQueriesSecret: any,
      podMonitorMetricRelabelings: any,
      podMonitorRelabelings: any,
      tls: any,
    }),
    managed: obj({ roles: any, services: any }),
    inheritedMetadata: obj({ labels: strMap, annotations: strMap }),
    externalClusters: any,
    replica: any,
    replicationSlots: any,
    certificates: any,
    env: any,
    envFrom: any,
    ephemeralVolumeSource: any,
    ephemeralVolumesSizeLimit: any,
    projectedVolumeTemplate: any,
    podSecurityContext: any,
    securityContext: any,
    probes: any,
    logLevel: oneOf("error", "warning", "info", "debug", "trace"),
    startDelay: int,
    stopDelay: int,
    smartShutdownTimeout: int,
    switchoverDelay: int,
    failoverDelay: int,
    livenessProbeTimeout: int,
    maxSyncReplicas: int,
    minSyncReplicas: int,
    seccompProfile: any,
  },
  ["instances"],
);

const scheduledBackupSpec = obj(
  {
    schedule: { t: "string", pattern: /^\S+( \S+){5}$/, hint: "six cron fields, seconds first" },
    cluster: localRef,
    method: oneOf("barmanObjectStore", "volumeSnapshot", "plugin"),
    pluginConfiguration: obj({ name: str, parameters: strMap }, ["name"]),
    backupOwnerReference: oneOf("none", "self", "cluster"),
    immediate: bool,
    suspend: bool,
    online: bool,
    onlineConfiguration: any,
    target: oneOf("primary", "prefer-standby"),
  },
  ["schedule", "cluster"],
);

const walCompression = oneOf("bzip2", "gzip", "lz4", "snappy", "xz", "zstd");
const dataCompression = oneOf("bzip2", "gzip", "snappy");
const encryption = oneOf("AES256", "aws:kms");
const objectStoreSpec = obj(
  {
    configuration: obj(
      {
        destinationPath: { t: "string", pattern: /^(s3|gs|https?):\/\/\S+$/, hint: "an object store URL" },
        endpointURL: str,
        endpointCA: secretKeyRef,
        // serverName is refused by the plugin here (it belongs in the Cluster's plugin parameters).
        s3Credentials: obj({
          accessKeyId: secretKeyRef,
          secretAccessKey: secretKeyRef,
          region: secretKeyRef,
          sessionToken: secretKeyRef,
          inheritFromIAMRole: bool,
        }),
        azureCredentials: any,
        googleCredentials: any,
        wal: obj({ compression: walCompression, encryption, maxParallel: { t: "integer", min: 1 }, archiveAdditionalCommandArgs: arr(str), restoreAdditionalCommandArgs: arr(str) }),
        data: obj({ compression: dataCompression, encryption, jobs: { t: "integer", min: 1 }, immediateCheckpoint: bool, additionalCommandArgs: arr(str) }),
        tags: strMap,
        historyTags: strMap,
      },
      ["destinationPath"],
    ),
    retentionPolicy: { t: "string", pattern: /^[1-9][0-9]*[dwm]$/, hint: "e.g. 30d" },
    instanceSidecarConfiguration: any,
  },
  ["configuration"],
);

const metadata = obj({ name: str, namespace: str, labels: strMap, annotations: strMap }, ["name"]);

export const STRUCTURES = {
  "postgresql.cnpg.io/v1/Cluster": obj({ apiVersion: str, kind: str, metadata, spec: clusterSpec }, ["metadata", "spec"]),
  "postgresql.cnpg.io/v1/ScheduledBackup": obj({ apiVersion: str, kind: str, metadata, spec: scheduledBackupSpec }, ["metadata", "spec"]),
  "barmancloud.cnpg.io/v1/ObjectStore": obj({ apiVersion: str, kind: str, metadata, spec: objectStoreSpec }, ["metadata", "spec"]),
};

const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+|[kMGTPE]i?|m)?$/i;

/** Returns a list of problems ("path: message"); empty when the object fits the structure. */
export function checkStructure(schema, value, at = "") {
  const problems = [];
  const where = at || "/";
  switch (schema.t) {
    case "any":
      break;
    case "string":
      if (typeof value !== "string") problems.push(`${where}: expected a string`);
      else if (schema.enum && !schema.enum.includes(value)) problems.push(`${where}: "${value}" is not one of ${schema.enum.join(", ")}`);
      else if (schema.pattern && !schema.pattern.test(value)) problems.push(`${where}: "${value}" is not ${schema.hint ?? schema.pattern}`);
      break;
    case "integer":
      if (!Number.isInteger(value)) problems.push(`${where}: expected an integer`);
      else if (schema.min !== undefined && value < schema.min) problems.push(`${where}: must be at least ${schema.min}`);
      break;
    case "boolean":
      if (typeof value !== "boolean") problems.push(`${where}: expected true or false`);
      break;
    case "quantity":
      if (!((typeof value === "string" && QUANTITY.test(value)) || typeof value === "number")) problems.push(`${where}: "${value}" is not a quantity`);
      break;
    case "array":
      if (!Array.isArray(value)) problems.push(`${where}: expected a list`);
      else value.forEach((item, i) => problems.push(...checkStructure(schema.items, item, `${at}/${i}`)));
      break;
    case "object":
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        problems.push(`${where}: expected an object`);
        break;
      }
      for (const r of schema.req ?? []) {
        if (value[r] === undefined) problems.push(`${where}: missing required field "${r}"`);
      }
      for (const [k, v] of Object.entries(value)) {
        const sub = schema.p?.[k] ?? schema.extra;
        if (!sub) problems.push(`${at}/${k}: unknown field`);
        else problems.push(...checkStructure(sub, v, `${at}/${k}`));
      }
      break;
    default:
      problems.push(`${where}: checker has no rule for type ${schema.t}`);
  }
  return problems;
}
