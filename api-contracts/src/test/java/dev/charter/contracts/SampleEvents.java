package dev.charter.contracts;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Builds one deterministic sample of any public event record, every field filled, for approval tests. */
final class SampleEvents {

    private SampleEvents() {
    }

    static Object sample(Class<?> type) {
        return value(type, type, type.getSimpleName());
    }

    private static Object value(Class<?> raw, Type generic, String name) {
        if (raw == String.class) {
            return name + "-1";
        }
        if (raw == int.class || raw == Integer.class) {
            return 3;
        }
        if (raw == long.class || raw == Long.class) {
            return 42L;
        }
        if (raw == double.class || raw == Double.class) {
            return 0.75;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == Instant.class) {
            return Instant.parse("2026-03-01T12:00:00Z");
        }
        if (raw == LocalDate.class) {
            return LocalDate.parse("2026-03-01");
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> elementClass = element instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) element;
            return List.of(value(elementClass, element, singular(name)));
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] arguments = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                arguments[i] = value(components[i].getType(), components[i].getGenericType(), components[i].getName());
            }
            try {
                return raw.getDeclaredConstructor(types).newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot build a sample " + raw.getName(), e);
            }
        }
        throw new IllegalStateException("No sample for " + raw.getName() + " (" + name + ")");
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
