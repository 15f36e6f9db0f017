package cn.chuangwei.notify;

/**
 * The kinds of notice, by how much they weigh: which channels they take, whether they may wait for the daily digest and
 * whether an SMS may go at night is decided by {@code dmn/notice-routing.dmn}. Names in the bundles
 * ({@code notice.<KIND>}). YELLOW to ACCOUNTABILITY are the ladder's rungs (预警, 催办, 通报, 约谈, 问责); CIRCULAR_ISSUED is a
 * written circular (通报文件) sent to those it names.
 */
public enum NoticeKind {
    ASSIGNMENT, REMINDER, YELLOW, RED, CIRCULAR, CIRCULAR_ISSUED, INTERVIEW, ACCOUNTABILITY, DIGEST
}
