package cn.chuangwei.supervision;
public record Circular(String number, String title, String issuingOffice, java.time.LocalDate issuedOn,
                       java.time.LocalDate periodFrom, java.time.LocalDate periodTo, String body,
                       java.util.List<Circular.Row> rows) {
    /** One overdue task: its unit, task, phase, deadline, working days overdue, the ladder level reached (Chinese), the deputy leader in charge. */
    public record Row(int seq, String unitName, String taskTitle, String phaseName, java.time.LocalDate deadline,
                      int workingDaysOverdue, String level, String deputyName) {}
}
