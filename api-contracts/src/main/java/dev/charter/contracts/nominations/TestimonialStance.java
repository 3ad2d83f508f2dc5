package dev.charter.contracts.nominations;

/**
 * R9: testimonials of the nominee's interactions with maintainers, users and the community are POSITIVE or
 * NEGATIVE; SUPPORT is a maintainer's general testimonial of support.
 */
public enum TestimonialStance {
    POSITIVE, NEGATIVE, SUPPORT
}
