package dev.charter.dispute.ballot;

import dev.charter.platform.jdbc.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.function.UnaryOperator;

/** A projection row's {@code ballot} column (a {@link BallotState} as JSON), changed by one event at a time. */
public final class BallotColumns {

    private BallotColumns() {
    }

    /**
     * Applies the change to the ballot stored in {@code table.ballot} of the row whose {@code idColumn} is
     * {@code id}; a row without a ballot (or no row) is left alone.
     */
    public static void update(JdbcClient jdbc, Columns json, String table, String idColumn, String id,
                              UnaryOperator<BallotState> change) {
        jdbc.sql("SELECT ballot FROM " + table + " WHERE " + idColumn + " = ? AND ballot IS NOT NULL").param(id)
                .query(String.class)
                .optional()
                .map(text -> json.read(text, BallotState.class))
                .ifPresent(ballot -> jdbc.sql("UPDATE " + table + " SET ballot = ? WHERE " + idColumn + " = ?")
                        .params(json.json(change.apply(ballot)), id).update());
    }
}
