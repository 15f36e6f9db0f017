package cn.chuangwei.kernel;

/**
 * How a person's name reads wherever it is shown: the identity's first and last names in that order (the demo and the
 * region set-up keep a whole Chinese name in the first name; the administrator is 系统 / 管理员), joined by a space
 * only when both are written in Latin letters ("Anna Li"); the login only when the person has no name.
 */
public final class PersonNames {

    private PersonNames() {
    }

    public static String display(String firstName, String lastName, String userId) {
        String first = firstName == null ? "" : firstName.strip();
        String last = lastName == null ? "" : lastName.strip();
        if (first.isEmpty() && last.isEmpty()) {
            return userId;
        }
        if (first.isEmpty() || last.isEmpty()) {
            return first + last;
        }
        return latin(first) && latin(last) ? first + " " + last : first + last;
    }

    private static boolean latin(String s) {
        return s.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
