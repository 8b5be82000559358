package org.labrange.ranges.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** A row of the append-only revision table; the database refuses updates and deletes. */
@Entity
@Table(name = "range_revision")
public class RangeRevisionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "range_id", nullable = false)
    public UUID rangeId;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String status;

    public BigDecimal low;

    @Column(name = "low_inclusive", nullable = false)
    public boolean lowInclusive;

    public BigDecimal high;

    @Column(name = "high_inclusive", nullable = false)
    public boolean highInclusive;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public String sex;

    @Column(name = "age_min")
    public Integer ageMin;

    @Column(name = "age_max")
    public Integer ageMax;

    @Column(name = "age_unit", nullable = false)
    public String ageUnit;

    public String condition;

    public String method;

    public String note;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    /** Set by the database trigger from its own clock, whatever is sent. */
    @Generated
    @Column(name = "recorded_at", insertable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(nullable = false)
    public String reason;
}
