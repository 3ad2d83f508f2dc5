package dev.charter.contracts.nominations;

import java.util.List;

/** R9: the depth and breadth of the nominee's code, review and design contributions, summarised with links. */
public record Contributions(String summary, List<String> links) {
}
