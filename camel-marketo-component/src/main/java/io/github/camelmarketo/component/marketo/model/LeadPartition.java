package io.github.camelmarketo.component.marketo.model;

/**
 * A lead partition of the instance ({@code getLeadPartitions}, {@code GET /rest/v1/leads/partitions.json}).
 *
 * @param id          partition id
 * @param name        partition name, the value of {@code partitionName}
 * @param description description, may be null
 */
public record LeadPartition(int id, String name, String description) {
}
