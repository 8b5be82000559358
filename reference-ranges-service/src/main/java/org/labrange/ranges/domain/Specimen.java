package org.labrange.ranges.domain;

import java.util.Optional;

/**
 * The specimen an analyte is measured in: a controlled vocabulary with the HL7 v2 table 0487 code of each. The
 * first four keep the names the API has always used. Table 0487 has one code for urine whatever the collection
 * period, so a 24-hour collection is its own value here (the period changes what a concentration means) and
 * carries the urine code; serum-or-plasma, as LOINC's "Ser/Plas" system, has no single code there.
 */
public enum Specimen {
    SERUM_PLASMA(null, "Serum or plasma"),
    BLOOD("BLD", "Whole blood"),
    URINE("UR", "Urine, spot (random) collection"),
    CSF("CSF", "Cerebrospinal fluid"),
    SERUM("SER", "Serum"),
    PLASMA("PLAS", "Plasma"),
    BLOOD_ARTERIAL("BLDA", "Blood, arterial"),
    BLOOD_VENOUS("BLDV", "Blood, venous"),
    BLOOD_CORD("BLDCO", "Cord blood"),
    URINE_24H("UR", "Urine, 24-hour collection"),
    SALIVA("SAL", "Saliva"),
    STOOL("STL", "Stool"),
    PLEURAL_FLUID("PLR", "Pleural fluid"),
    SYNOVIAL_FLUID("SNV", "Synovial (joint) fluid"),
    AMNIOTIC_FLUID("AMN", "Amniotic fluid"),
    SEMINAL_FLUID("SMN", "Seminal fluid"),
    SWEAT("SWT", "Sweat");

    private final String hl7Code;
    private final String label;

    Specimen(String hl7Code, String label) {
        this.hl7Code = hl7Code;
        this.label = label;
    }

    /** The HL7 v2 table 0487 (specimen type) code; empty for serum-or-plasma, which that table has no code for. */
    public Optional<String> hl7Code() {
        return Optional.ofNullable(hl7Code);
    }

    public String label() {
        return label;
    }
}
