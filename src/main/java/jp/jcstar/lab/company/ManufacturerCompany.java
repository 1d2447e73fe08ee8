package jp.jcstar.lab.company;

import java.time.OffsetDateTime;

/** A manufacturer the lab assesses products for; its id is also its Camunda tenant id. */
public record ManufacturerCompany(String id, String name, String createdBy, OffsetDateTime createdAt) {
}
