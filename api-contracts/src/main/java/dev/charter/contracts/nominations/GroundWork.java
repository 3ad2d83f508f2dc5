package dev.charter.contracts.nominations;

/**
 * R15: the ground work a module proposal carries, as the governance text describes it: who was interviewed and
 * what was gathered, a state of the world (why adding is worth the maintenance cost, or why removing loses little),
 * and the maintainership, development and community plan once approved.
 *
 * @param problem            the problem, and the issues gathered
 * @param peopleConsulted    the researchers, stakeholders and community members consulted
 * @param stateOfTheWorld    why the change is necessary and worth its cost (or, for a removal, loses little)
 * @param maintainershipPlan who maintains it and how
 * @param developmentPlan    how it is developed
 * @param communityPlan      how its community is served
 */
public record GroundWork(String problem, String peopleConsulted, String stateOfTheWorld, String maintainershipPlan,
                         String developmentPlan, String communityPlan) {
}
