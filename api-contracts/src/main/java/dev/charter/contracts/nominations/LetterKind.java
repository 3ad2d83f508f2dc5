package dev.charter.contracts.nominations;

/** R11: a letter of support from a core or module maintainer, or a general letter from a stakeholder. */
public enum LetterKind {
    MAINTAINER, STAKEHOLDER
}
