package cn.chuangwei.kernel;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of one Camunda Form ({@code bpmn/forms/<form>.form}) as the application enforces them: which process
 * element shows it (a user task, or a start event for a start form), its fields, and for each field whether it is
 * read-only, when it is required, its longest answer and the options it allows. The REST API (before it completes a
 * task) and the task listeners (whatever completes the task, Tasklist included) both check answers with these rules,
 * so a task is never completed with a missing or invalid answer. The module that owns the process declares them
 * ({@link ProcessForms}); {@code FormsAgreeTest} holds them against the forms.
 *
 * @param process the id of the BPMN process
 * @param element the id of the user task (its task definition key) or of the start event
 * @param form the form's id, as {@code camunda:formRef} names it
 * @param startForm whether the element is a start event
 * @param fields the form's fields in the order they are checked; display-only components are left out
 */
public record FormRules(String process, String element, String form, boolean startForm, List<Field> fields) {

    public FormRules {
        fields = List.copyOf(fields);
        Set<String> keys = new LinkedHashSet<>();
        for (Field f : fields) {
            if (!keys.add(f.key())) {
                throw new IllegalArgumentException(form + ": field " + f.key() + " twice");
            }
        }
    }

    public static FormRules userTask(String process, String taskKey, String form, Field... fields) {
        return new FormRules(process, taskKey, form, false, Arrays.asList(fields));
    }

    public static FormRules startForm(String process, String startEvent, String form, Field... fields) {
        return new FormRules(process, startEvent, form, true, Arrays.asList(fields));
    }

    /** The fields a completion may carry: every field that is not read-only. */
    public Set<String> answers() {
        Set<String> answers = new LinkedHashSet<>();
        fields.stream().filter(f -> f.type() != Type.READ_ONLY).forEach(f -> answers.add(f.key()));
        return answers;
    }

    /**
     * Checks the answers: anything but the form's answer fields is refused ({@code unknown-field}), then each field in
     * turn ({@code required}, {@code invalid-value}, {@code too-long}, {@code invalid-choice}, {@code invalid-date}),
     * naming the field at fault.
     */
    public void check(Map<String, Object> answers) {
        Set<String> allowed = answers();
        for (String key : answers.keySet()) {
            if (!allowed.contains(key)) {
                throw ApiException.badRequest("unknown-field", key, key);
            }
        }
        for (Field f : fields) {
            f.check(answers);
        }
    }

    /** Checks the answers as a task's (or execution's) variables hold them; a variable not set is no answer. */
    public void checkVariables(Function<String, Object> variables) {
        Map<String, Object> answers = new HashMap<>();
        for (String key : answers()) {
            Object v = variables.apply(key);
            if (v != null) {
                answers.put(key, v);
            }
        }
        check(answers);
    }

    /** What a field holds: free text, one of a set of options, an ISO date, or a value shown and never answered. */
    public enum Type { TEXT, CHOICE, DATE, READ_ONLY }

    /** When a field must be answered: always ({@link #ALWAYS}), or when another field has a given value. */
    public record Required(String field, String value) {

        public static final Required ALWAYS = new Required(null, null);

        boolean holds(Map<String, Object> answers) {
            return field == null || value.equals(answers.get(field));
        }
    }

    /**
     * One field of a form.
     *
     * @param requirement when it must be answered; {@code null} when never
     * @param maxLength the longest answer (after blanks are stripped); 0 for a read-only field or a choice
     * @param options the values a choice allows, in the form's order; empty otherwise
     */
    public record Field(String key, Type type, Required requirement, int maxLength, List<String> options) {

        public Field {
            Objects.requireNonNull(key);
            options = List.copyOf(options);
        }

        public static Field text(String key, int maxLength) {
            return new Field(key, Type.TEXT, null, maxLength, List.of());
        }

        /** A choice is always required, as the forms' radio groups are. */
        public static Field choice(String key, String... options) {
            return new Field(key, Type.CHOICE, Required.ALWAYS, 0, List.of(options));
        }

        /** An ISO date (yyyy-MM-dd), as a form's date picker sends it; checked as a date where it is required. */
        public static Field date(String key) {
            return new Field(key, Type.DATE, null, 10, List.of());
        }

        /** Shown on the form from the process's variables, never an answer. */
        public static Field readOnly(String key) {
            return new Field(key, Type.READ_ONLY, null, 0, List.of());
        }

        public Field required() {
            return new Field(key, type, Required.ALWAYS, maxLength, options);
        }

        /** Required when {@code field} (a choice checked before this one) is {@code value}; the form hides it otherwise. */
        public Field requiredWhen(String field, String value) {
            return new Field(key, type, new Required(field, value), maxLength, options);
        }

        void check(Map<String, Object> answers) {
            boolean needed = requirement != null && requirement.holds(answers);
            switch (type) {
                case TEXT -> text(answers, needed);
                case CHOICE -> choice(answers);
                case DATE -> {
                    String d = text(answers, needed);
                    if (needed) {
                        try {
                            LocalDate.parse(d);
                        } catch (DateTimeParseException e) {
                            throw ApiException.badRequest("invalid-date", key, key, d);
                        }
                    }
                }
                case READ_ONLY -> {
                }
            }
        }

        private String text(Map<String, Object> answers, boolean needed) {
            Object v = answers.get(key);
            if (v != null && !(v instanceof String)) {
                throw ApiException.badRequest("invalid-value", key, key);
            }
            // strip, not trim: an answer of full-width blanks (U+3000, as a Chinese keyboard types them) is no answer
            String s = v == null ? null : ((String) v).strip();
            if (needed && (s == null || s.isEmpty())) {
                throw ApiException.badRequest("required", key, key);
            }
            if (s != null && s.length() > maxLength) {
                throw ApiException.badRequest("too-long", key, key, maxLength);
            }
            return s == null || s.isEmpty() ? null : s;
        }

        private void choice(Map<String, Object> answers) {
            Object v = answers.get(key);
            if (v == null || (v instanceof String s && s.isBlank())) {
                throw ApiException.badRequest("required", key, key);
            }
            if (!options.contains(v)) {
                throw ApiException.badRequest("invalid-choice", key, key, v, String.join(", ", options));
            }
        }
    }
}
