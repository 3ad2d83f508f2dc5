package dev.charter.registry.activity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.charter.platform.jdbc.Columns.instant;
import static dev.charter.platform.jdbc.Columns.ts;

/**
 * The activity the registry keeps (R14): per person and module (and outside any module) only the last activity and
 * a count per month; an activity is counted once per reference (the key is a hash, not the reference); GitHub
 * deliveries are remembered by id. Never the payloads, and nothing of persons it does not know (the caller checks).
 */
@Component
public class ActivityStore {

    /** The module key of activity outside any module. */
    static final String NO_MODULE = "";

    /** One person's activity in one module (null: outside any module). */
    public record LastActivity(String moduleId, Instant at, ActivityKind kind, String url,
                               Map<YearMonth, Integer> months) {
    }

    private final JdbcClient jdbc;

    public ActivityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts the activity unless its reference was counted before; answers whether it counted now. */
    public boolean record(Activity activity, Instant now) {
        String module = activity.moduleId() == null ? NO_MODULE : activity.moduleId();
        int first = jdbc.sql("INSERT INTO activity_seen (activity_key, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(key(activity.personId(), module, activity.kind(), activity.url()), ts(now)).update();
        if (first == 0) {
            return false;
        }
        LocalDate month = YearMonth.from(activity.occurredAt().atZone(ZoneOffset.UTC)).atDay(1);
        jdbc.sql("""
                        INSERT INTO activity_month (person_id, module_id, month, activities) VALUES (?, ?, ?, 1)
                        ON CONFLICT (person_id, module_id, month)
                        DO UPDATE SET activities = activity_month.activities + 1""")
                .params(activity.personId(), module, month).update();
        jdbc.sql("""
                        INSERT INTO activity_last (person_id, module_id, last_at, kind, url) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (person_id, module_id) DO UPDATE
                        SET last_at = EXCLUDED.last_at, kind = EXCLUDED.kind, url = EXCLUDED.url
                        WHERE activity_last.last_at < EXCLUDED.last_at""")
                .params(activity.personId(), module, ts(activity.occurredAt()), activity.kind().name(),
                        activity.url()).update();
        return true;
    }

    /** Remembers a GitHub delivery; answers whether it is the first time. */
    public boolean firstDelivery(String deliveryId, String event, Instant now) {
        return jdbc.sql("INSERT INTO github_delivery (delivery_id, event, received_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(deliveryId, event, ts(now)).update() > 0;
    }

    /** Every person's last activity per module key ('' outside any module): what the sweep compares. */
    public Map<String, Map<String, Instant>> lastActivities() {
        Map<String, Map<String, Instant>> result = new HashMap<>();
        jdbc.sql("SELECT person_id, module_id, last_at FROM activity_last").query(rs -> {
            result.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                    instant(rs, "last_at"));
        });
        return result;
    }

    /** The person's last activity in the module (null: outside any module). */
    public Optional<Instant> lastActivity(String personId, String moduleId) {
        return jdbc.sql("SELECT last_at FROM activity_last WHERE person_id = ? AND module_id = ?")
                .params(personId, moduleId == null ? NO_MODULE : moduleId)
                .query((rs, n) -> instant(rs, "last_at")).optional();
    }

    /** The person's activity per module, most recent first, with the counts per month. */
    public List<LastActivity> ofPerson(String personId) {
        Map<String, Map<YearMonth, Integer>> months = new HashMap<>();
        jdbc.sql("SELECT module_id, month, activities FROM activity_month WHERE person_id = ? ORDER BY month")
                .param(personId)
                .query(rs -> {
                    months.computeIfAbsent(rs.getString(1), k -> new java.util.LinkedHashMap<>())
                            .put(YearMonth.from(rs.getDate(2).toLocalDate()), rs.getInt(3));
                });
        return jdbc.sql("SELECT * FROM activity_last WHERE person_id = ? ORDER BY last_at DESC").param(personId)
                .query((rs, n) -> {
                    String module = rs.getString("module_id");
                    return new LastActivity(module.isEmpty() ? null : module, instant(rs, "last_at"),
                            ActivityKind.valueOf(rs.getString("kind")), rs.getString("url"),
                            months.getOrDefault(module, Map.of()));
                }).list();
    }

    /** The last activity in the module of each person who has any, by person. */
    public Map<String, Instant> lastInModule(String moduleId) {
        Map<String, Instant> result = new HashMap<>();
        jdbc.sql("SELECT person_id, last_at FROM activity_last WHERE module_id = ?").param(moduleId)
                .query(rs -> {
                    result.put(rs.getString(1), instant(rs, "last_at"));
                });
        return result;
    }

    static String key(String personId, String module, ActivityKind kind, String url) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((personId + "|" + module + "|" + kind + "|" + url)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
