package org.labrange.ranges.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

@Entity
@Table(name = "range_identity")
public class RangeIdentityEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "analyte_code", nullable = false)
    public String analyteCode;

    @Column(name = "source_code", nullable = false)
    public String sourceCode;

    @Column(nullable = false)
    public String category;

    @Generated
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
