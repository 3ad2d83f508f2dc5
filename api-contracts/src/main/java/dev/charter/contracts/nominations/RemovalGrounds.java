package dev.charter.contracts.nominations;

/**
 * R10: the grounds of a removal, as the governance text lists them; any may be absent, not all.
 *
 * @param activity            the person's activity on the project, or the lack of it
 * @param changedDirection    changed thinking of the space, conflicting with the project's direction
 * @param unfitness           e.g. code of conduct issues, outside activity that conflicts with the project's values
 * @param conflictsOfInterest e.g. filial or romantic relationships
 */
public record RemovalGrounds(String activity, String changedDirection, String unfitness, String conflictsOfInterest) {
}
