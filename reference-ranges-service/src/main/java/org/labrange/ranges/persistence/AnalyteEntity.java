package org.labrange.ranges.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
@Table(name = "analyte")
public class AnalyteEntity extends PanacheEntityBase {

    @Id
    public String code;

    public String loinc;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String specimen;

    @Column(nullable = false)
    public String unit;

    @Column(name = "molar_mass_g_per_mol")
    public BigDecimal molarMassGramsPerMole;

    @Column(name = "analytical_cv_percent")
    public BigDecimal analyticalCvPercent;

    @Column(name = "within_subject_cv_percent")
    public BigDecimal withinSubjectCvPercent;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "analyte_alias", joinColumns = @JoinColumn(name = "analyte_code"))
    @Column(name = "alias", nullable = false)
    public Set<String> aliases = new LinkedHashSet<>();
}
