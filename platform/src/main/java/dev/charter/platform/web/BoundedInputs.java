package dev.charter.platform.web;

import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import java.util.Set;

/**
 * What bounds a request's JSON besides its size: Jackson's stream read constraints (document length, nesting
 * depth, string and number length) and the range of every time in it ({@link TimeBounds}), in bodies and in
 * query parameters alike.
 */
public final class BoundedInputs {

    private BoundedInputs() {
    }

    /** Stream read constraints matching the body limit. */
    public static StreamReadConstraints constraints(long maxDocumentLength) {
        return StreamReadConstraints.builder()
                .maxDocumentLength(maxDocumentLength)
                .maxNestingDepth(32)
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxDocumentLength))
                .maxNumberLength(64)
                .maxNameLength(256)
                .build();
    }

    /** A Jackson module refusing times outside {@link TimeBounds} with a 400 (an invalid value). */
    public static SimpleModule timeBoundsModule() {
        SimpleModule module = new SimpleModule("charter-time-bounds");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                                                           ValueDeserializer<?> deserializer) {
                return TimeBounds.applies(bean.getBeanClass()) ? new Bounded(deserializer) : deserializer;
            }
        });
        return module;
    }

    private static final class Bounded extends DelegatingDeserializer {
        Bounded(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Bounded(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            try {
                return TimeBounds.check(value);
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(parser, e.getMessage(), String.valueOf(value), handledType());
            }
        }
    }

    /** {@code @DateTimeFormat} parameters (e.g. {@code asOf}) parsed as usual, then checked against the bounds. */
    public static AnnotationFormatterFactory<DateTimeFormat> boundedDateTimeFormat() {
        Jsr310DateTimeFormatAnnotationFormatterFactory standard = new Jsr310DateTimeFormatAnnotationFormatterFactory();
        return new AnnotationFormatterFactory<>() {
            @Override
            public Set<Class<?>> getFieldTypes() {
                return standard.getFieldTypes();
            }

            @Override
            public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
                return standard.getPrinter(annotation, fieldType);
            }

            @Override
            public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
                Parser<?> parser = standard.getParser(annotation, fieldType);
                return (text, locale) -> TimeBounds.check(parser.parse(text, locale));
            }
        };
    }
}
