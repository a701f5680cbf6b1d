package org.iscsismis.bench.iscsi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Debian's tgtd serving one LUN backed by a file on tmpfs, on its own portal and control port so it touches nothing
 * else on the machine: the reference the benchmark compares with.
 */
final class TgtTarget implements AutoCloseable {

    static final String NAME = "iqn.2026-12.org.iscsismis:tgt-reference";

    private final Process tgtd;
    private final Path backing;
    private final int port;
    private final int control;

    private TgtTarget(Process tgtd, Path backing, int port, int control) {
        this.tgtd = tgtd;
        this.backing = backing;
        this.port = port;
        this.control = control;
    }

    /** Starts tgtd with a LUN of {@code bytes} filled from {@code seed}. */
    static TgtTarget start(long bytes, long seed) throws IOException, InterruptedException {
        Path backing = Files.createTempFile(Path.of("/dev/shm"), "iscsi-bench-tgt", ".img");
        fill(backing, bytes, seed);
        int port = Tools.freePort();
        int control = 1000 + new Random().nextInt(8000);
        Process tgtd = new ProcessBuilder("tgtd", "-f", "-C", Integer.toString(control), "--iscsi", "portal=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        TgtTarget t = new TgtTarget(tgtd, backing, port, control);
        for (int i = 0; ; i++) {
            try {
                t.admin("--op", "new", "--mode", "target", "--tid", "1", "-T", NAME);
                break;
            } catch (IOException e) {
                if (i == 50) {
                    t.close();
                    throw e;
                }
                Thread.sleep(100); // tgtd is starting: its control socket is not there yet
            }
        }
        t.admin("--op", "new", "--mode", "logicalunit", "--tid", "1", "--lun", "1", "-b", backing.toString());
        t.admin("--op", "bind", "--mode", "target", "--tid", "1", "-I", "ALL");
        return t;
    }

    static void fill(Path file, long bytes, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] piece = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < bytes; done += piece.length) {
                random.nextBytes(piece);
                out.write(piece, 0, (int) Math.min(piece.length, bytes - done));
            }
        }
    }

    private void admin(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("tgtadm", "-C", Integer.toString(control), "--lld", "iscsi"));
        command.addAll(List.of(args));
        Tools.run(command);
    }

    String url() {
        return "iscsi://127.0.0.1:" + port + "/" + NAME + "/1";
    }

    /** Stops tgtd (it ignores SIGTERM while it has targets, so it is killed if it has not gone within 5 s). */
    @Override
    public void close() throws IOException {
        tgtd.destroy();
        try {
            if (!tgtd.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                tgtd.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(backing);
    }
}
