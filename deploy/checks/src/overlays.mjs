// What each overlay must provide, beyond the rules every overlay shares.
export const OVERLAYS = {
  dev: { minReplicas: 1, maxReplicas: 1, database: "statefulset", databaseName: "postgres" },
  prod: { minReplicas: 2, database: "cnpg", digests: true, strictAvailability: true, synchronous: true, publicPrefixesOnly: true, capacityModel: true },
};
