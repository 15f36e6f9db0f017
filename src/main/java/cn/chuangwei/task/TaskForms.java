package cn.chuangwei.task;

import cn.chuangwei.kernel.ApiException;
import java.util.Map;
import java.util.Set;

/**
 * The user tasks of {@code phase.bpmn}, the fields of their Camunda Forms, and the rules those fields obey. Both the
 * REST API (before it completes a task) and the task listeners (whatever completes the task, Tasklist included) apply
 * these rules, so a task is never completed with a missing or invalid answer.
 */
public final class TaskForms {

    public static final String UNIT_TASK = "unitTask";
    public static final String REVIEW_TASK = "reviewTask";
    public static final String SIGN_GATE = "signGate";
    public static final String LEADER_DECISION = "leaderDecision";
    public static final String RECTIFY = "rectifyTasks";
    public static final String SCORE_SHEET = "scoreSheet";
    public static final String INDICATOR_READINGS = "indicatorReadings";
    public static final String SUBMIT_APPLICATION = "submitApplication";
    public static final String EXTERNAL_RESULTS = "externalResults";
    public static final String PUBLIC_NOTICE = "publicNotice";
    public static final String SPOT_CHECK = "spotCheck";
    public static final String REGISTER_CASE = "registerCase";
    public static final String DISPATCH_CASE = "dispatchCase";
    public static final String HANDLE_CASE = "handleCase";
    public static final String APPROVE_PENDING = "approvePending";
    public static final String CHECK_CASE = "checkCase";

    public static final String RESULT_SUMMARY = "resultSummary";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String RETURN_REASON = "returnReason";
    public static final String SIGN_DECISION = "signDecision";
    public static final String SIGN_COMMENT = "signComment";
    public static final String LEADER_DECISION_FIELD = "leaderDecision";
    public static final String LEADER_COMMENT = "leaderComment";
    public static final String RECTIFY_NOTE = "rectifyNote";
    public static final String SCORES = "scores";
    public static final String READINGS = "readings";
    public static final String REFERENCE = "reference";
    public static final String EXTERNAL_OUTCOME = "externalOutcome";
    public static final String PROBLEMS = "problems";
    public static final String NAMING_DATE = "namingDate";
    public static final String NAMING_DOCUMENT = "namingDocument";
    public static final String FINDINGS = "findings";

    /** Each task's form fields; anything else in a completion request is refused. */
    static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry(UNIT_TASK, Set.of(RESULT_SUMMARY)),
            Map.entry(REVIEW_TASK, Set.of(REVIEW_DECISION, RETURN_REASON)),
            Map.entry(SIGN_GATE, Set.of(SIGN_DECISION, SIGN_COMMENT)),
            Map.entry(LEADER_DECISION, Set.of(LEADER_DECISION_FIELD, LEADER_COMMENT)),
            Map.entry(RECTIFY, Set.of(RECTIFY_NOTE)),
            Map.entry(SCORE_SHEET, Set.of(SCORES)),
            Map.entry(INDICATOR_READINGS, Set.of(READINGS)),
            Map.entry(SUBMIT_APPLICATION, Set.of(REFERENCE)),
            Map.entry(EXTERNAL_RESULTS, Set.of(EXTERNAL_OUTCOME, PROBLEMS)),
            Map.entry(PUBLIC_NOTICE, Set.of(NAMING_DATE, NAMING_DOCUMENT)),
            Map.entry(SPOT_CHECK, Set.of(FINDINGS)),
            Map.entry(REGISTER_CASE, Set.of("registerDecision", "voidReason")),
            Map.entry(DISPATCH_CASE, Set.of("unitCode", "dispatchNote")),
            Map.entry(HANDLE_CASE, Set.of("handleOutcome", "handleResult", "sendBackReason", "pendingReason", "pendingUntil")),
            Map.entry(APPROVE_PENDING, Set.of("pendingApproved")),
            Map.entry(CHECK_CASE, Set.of("checkOutcome", "failReason")));

    private TaskForms() {
    }

    /** Checks a task's answers by its definition key; returns nothing, refuses with the field named. */
    public static void check(String taskKey, Map<String, Object> values) {
        Set<String> fields = FIELDS.get(taskKey);
        if (fields == null) {
            throw ApiException.badRequest("unknown-task-kind", "taskDefinitionKey", taskKey);
        }
        for (String key : values.keySet()) {
            if (!fields.contains(key)) {
                throw ApiException.badRequest("unknown-field", key, key);
            }
        }
        switch (taskKey) {
            case UNIT_TASK -> text(values, RESULT_SUMMARY, true, 4000);
            case REVIEW_TASK -> {
                String d = choice(values, REVIEW_DECISION, "ACCEPT", "RETURN");
                text(values, RETURN_REASON, "RETURN".equals(d), 1000);
            }
            case SIGN_GATE -> {
                String d = choice(values, SIGN_DECISION, "APPROVE", "REJECT");
                text(values, SIGN_COMMENT, "REJECT".equals(d), 1000);
            }
            case LEADER_DECISION -> {
                choice(values, LEADER_DECISION_FIELD, "PASS", "HOLD");
                text(values, LEADER_COMMENT, false, 1000);
            }
            case SCORE_SHEET -> text(values, SCORES, false, 20000);
            case INDICATOR_READINGS -> text(values, READINGS, false, 20000);
            case SUBMIT_APPLICATION -> text(values, REFERENCE, true, 100);
            case EXTERNAL_RESULTS -> {
                String o = choice(values, EXTERNAL_OUTCOME, "PASS", "FAIL");
                text(values, PROBLEMS, "FAIL".equals(o), 20000);
            }
            case PUBLIC_NOTICE -> {
                String d = text(values, NAMING_DATE, true, 10);
                try {
                    java.time.LocalDate.parse(d);
                } catch (java.time.format.DateTimeParseException e) {
                    throw ApiException.badRequest("invalid-date", NAMING_DATE, NAMING_DATE, d);
                }
                text(values, NAMING_DOCUMENT, true, 200);
            }
            case SPOT_CHECK -> text(values, FINDINGS, true, 4000);
            case REGISTER_CASE -> {
                String d = choice(values, "registerDecision", "REGISTER", "VOID");
                text(values, "voidReason", "VOID".equals(d), 500);
            }
            case DISPATCH_CASE -> {
                text(values, "unitCode", true, 40);
                text(values, "dispatchNote", false, 500);
            }
            case HANDLE_CASE -> {
                String o = choice(values, "handleOutcome", "HANDLED", "SEND_BACK", "PENDING");
                text(values, "handleResult", "HANDLED".equals(o), 2000);
                text(values, "sendBackReason", "SEND_BACK".equals(o), 500);
                text(values, "pendingReason", "PENDING".equals(o), 500);
                String until = text(values, "pendingUntil", "PENDING".equals(o), 10);
                if ("PENDING".equals(o)) {
                    try {
                        java.time.LocalDate.parse(until);
                    } catch (java.time.format.DateTimeParseException e) {
                        throw ApiException.badRequest("invalid-date", "pendingUntil", "pendingUntil", until);
                    }
                }
            }
            case APPROVE_PENDING -> choice(values, "pendingApproved", "YES", "NO");
            case CHECK_CASE -> {
                String o = choice(values, "checkOutcome", "PASS", "FAIL");
                text(values, "failReason", "FAIL".equals(o), 500);
            }
            default -> text(values, RECTIFY_NOTE, false, 1000);
        }
    }

    static String text(Map<String, Object> values, String field, boolean required, int max) {
        Object v = values.get(field);
        if (v != null && !(v instanceof String)) {
            throw ApiException.badRequest("invalid-value", field, field);
        }
        // strip, not trim: an answer of full-width blanks (U+3000, as a Chinese keyboard types them) is no answer
        String s = v == null ? null : ((String) v).strip();
        if (required && (s == null || s.isEmpty())) {
            throw ApiException.badRequest("required", field, field);
        }
        if (s != null && s.length() > max) {
            throw ApiException.badRequest("too-long", field, field, max);
        }
        return s == null || s.isEmpty() ? null : s;
    }

    static String choice(Map<String, Object> values, String field, String... allowed) {
        Object v = values.get(field);
        if (v == null || (v instanceof String s && s.isBlank())) {
            throw ApiException.badRequest("required", field, field);
        }
        for (String a : allowed) {
            if (a.equals(v)) {
                return a;
            }
        }
        throw ApiException.badRequest("invalid-choice", field, field, v, String.join(", ", allowed));
    }
}
