package cn.chuangwei.bench;

/**
 * How much the benchmark seeds and drives. {@code full} is the province of issue 8; {@code smoke} runs the same code
 * at a size that takes seconds, so that CI keeps the benchmark from rotting.
 *
 * @param campaigns        towns' campaigns, each with its own leading group, office, supervisors and twelve units
 * @param liveTasks        tasks of each campaign's running phase (宣传发动), live in the engine with their timers; half
 *                         the campaigns have them due on one day, half on the next: the two deadline bursts
 * @param rowsPerCampaign  decomposed tasks (分解任务) of each campaign across its five phases
 * @param historicCases    closed patrol cases of the past twelve months, with their events and history
 * @param historicTasks    target of historic task rows (act_hi_taskinst) at the end of seeding
 * @param warmupCases      cases driven before measuring, on either engine
 * @param measuredCases    cases driven through their whole lifecycle and timed, on either engine
 * @param threads          threads driving cases
 * @param queryRuns        timed requests of each query
 */
record Scale(String name, int campaigns, int liveTasks, int rowsPerCampaign, int historicCases, int historicTasks,
             int warmupCases, int measuredCases, int threads, int queryRuns) {

    static final Scale FULL = new Scale("full", 200, 100, 300, 100_000, 1_000_000, 200, 2_000, 4, 300);
    /** A tenth of the province, for profiling a change in minutes. */
    static final Scale PROFILE = new Scale("profile", 20, 100, 300, 10_000, 100_000, 100, 800, 4, 100);
    static final Scale SMOKE = new Scale("smoke", 4, 3, 12, 400, 4_000, 4, 24, 2, 12);

    static Scale named(String name) {
        return switch (name) {
            case "full" -> FULL;
            case "smoke" -> SMOKE;
            case "profile" -> PROFILE;
            default -> throw new IllegalArgumentException("scale is full, profile or smoke, not " + name);
        };
    }

    /** Deadlines in each burst: half the campaigns' live tasks. */
    int burst() {
        return campaigns / 2 * liveTasks;
    }
}
