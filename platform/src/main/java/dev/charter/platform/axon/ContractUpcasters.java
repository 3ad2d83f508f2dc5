package dev.charter.platform.axon;

import dev.charter.contracts.EventUpcaster;

import java.util.List;

/** The upcasters of the public events the service applies (api-contracts' {@code EventUpcasters.ALL}). */
public record ContractUpcasters(List<EventUpcaster> all) {
}
