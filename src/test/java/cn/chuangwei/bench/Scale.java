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
 * @param runs             runs of each measure whose median is reported (the throughput's three variants, the bursts)
 * @param readersSeconds   seconds the 16 readers are timed while cases run (after a fifth as long untimed)
 */
record Scale(String name, int campaigns, int liveTasks, int rowsPerCampaign, int historicCases, int historicTasks,
             int warmupCases, int measuredCases, int threads, int runs, int readersSeconds) {

    static final Scale FULL = new Scale("full", 200, 100, 300, 100_000, 1_000_000, 200, 800, 4, 3, 40);
    /** A tenth of the province, for profiling a change in minutes. */
    static final Scale PROFILE = new Scale("profile", 26, 100, 300, 10_000, 100_000, 100, 400, 4, 3, 15);
    static final Scale SMOKE = new Scale("smoke", 5, 3, 12, 400, 4_000, 4, 40, 2, 1, 2);

    static Scale named(String name) {
        return switch (name) {
            case "full" -> FULL;
            case "smoke" -> SMOKE;
            case "profile" -> PROFILE;
            default -> throw new IllegalArgumentException("scale is full, profile or smoke, not " + name);
        };
    }

    /**
     * Deadline groups, a burst each: the one node's runs, the scale-out's warm-up and its runs of one, two and three
     * nodes.
     */
    int groups() {
        return runs + 1 + 3 * runs;
    }

    java.time.Duration readersWarmup() {
        return java.time.Duration.ofMillis(readersSeconds * 200L);
    }

    java.time.Duration readersDuration() {
        return java.time.Duration.ofSeconds(readersSeconds);
    }
}
