package cn.chuangwei.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The heap a node needs while it works: every 50 ms the heap in use (garbage included) and, after each collection,
 * what the collection left (the live set, the figure a -Xmx must hold).
 */
final class HeapWatch implements AutoCloseable {

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakAfterGc;

    HeapWatch() {
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        long afterGc = 0;
        for (MemoryPoolMXBean p : pools) {
            MemoryUsage u = p.getCollectionUsage();
            afterGc += u == null ? 0 : u.getUsed();
        }
        peakAfterGc = Math.max(peakAfterGc, afterGc);
    }

    long peakUsedMb() {
        return peakUsed >> 20;
    }

    long peakAfterGcMb() {
        return peakAfterGc >> 20;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
        sample();
    }
}
