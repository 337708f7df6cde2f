package ru.unitecon.core.spend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.unitecon.core.bookkeeping.AggregateKey;

import java.util.List;

/** What became of a Spend API request; each answers with a short JSON body and nothing internal. */
public sealed interface SpendPostOutcome {
    ObjectMapper JSON = new ObjectMapper();

    String json();

    /** The months × channels now holding the posted amounts. */
    record Stored(List<AggregateKey> cells) implements SpendPostOutcome {
        @Override
        public String json() {
            ObjectNode body = JSON.createObjectNode().put("stored", true);
            ArrayNode replaced = body.putArray("replaced");
            cells.forEach(cell -> replaced.addObject().put("month", cell.month().toString())
                    .put("channel", cell.channel()));
            return body.toString();
        }
    }

    /** Rows that cannot be taken; nothing was stored. */
    record Rejected(List<RowError> errors) implements SpendPostOutcome {
        @Override
        public String json() {
            ObjectNode body = JSON.createObjectNode().put("stored", false);
            ArrayNode list = body.putArray("errors");
            errors.forEach(error -> list.addObject().put("row", error.row())
                    .put("problem", error.problem().name()).put("reason", error.reason()));
            return body.toString();
        }
    }

    /** No token, a wrong or revoked one, or a portal not installed: all the same to the caller. */
    record Unauthorized() implements SpendPostOutcome {
        @Override
        public String json() {
            return JSON.createObjectNode().put("error", "missing, wrong or revoked token").toString();
        }
    }

    record TooLarge(int limitBytes) implements SpendPostOutcome {
        @Override
        public String json() {
            return JSON.createObjectNode().put("error", "body is larger than " + limitBytes + " bytes").toString();
        }
    }

    record UnsupportedType() implements SpendPostOutcome {
        @Override
        public String json() {
            return JSON.createObjectNode().put("error", "Content-Type must be text/csv or application/json")
                    .toString();
        }
    }

    record Malformed(String reason) implements SpendPostOutcome {
        @Override
        public String json() {
            return JSON.createObjectNode().put("error", reason).toString();
        }
    }
}
