package dev.partop.probe;

import dev.partop.snapshot.CpuLimit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads this process's own CPU limits the way the kernel applies them: its cgroup from
 * {@code /proc/self/cgroup}, where that cgroup's hierarchy is mounted from
 * {@code /proc/self/mountinfo}, then the quota ({@code cpu.max} in cgroup v2,
 * {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us} in v1; the smallest on the way up to the
 * hierarchy's root, as the kernel enforces every level), the cpuset ({@code cpuset.cpus.effective},
 * v1 {@code cpuset.effective_cpus} or {@code cpuset.cpus}) and the affinity
 * ({@code Cpus_allowed_list} in {@code /proc/self/status}).
 * <p>
 * Every path is under {@code root}, so a test can point the probe at a fake tree. A file that
 * is there but cannot be read or parsed is reported as unknown, never replaced by a guess.
 */
public final class CpuLimitProbe {

    private final Path root;
    private final List<String> unknown = new ArrayList<>();

    public CpuLimitProbe(Path root) {
        this.root = root;
    }

    private static volatile CpuLimit self;
    private static volatile boolean read;

    /** This process's limits, read once; null where there is no /proc/self/cgroup (not Linux). */
    public static CpuLimit self() {
        if (!read) {
            self = new CpuLimitProbe(Path.of("/")).read();
            read = true;
        }
        return self;
    }

    /** The limits under this probe's root; null where it has no {@code proc/self/cgroup}. */
    public CpuLimit read() {
        unknown.clear();
        List<String> cgroups = lines("proc/self/cgroup");
        if (cgroups == null) return null;
        List<String> mounts = lines("proc/self/mountinfo");
        Set<Integer> affinity = affinity();
        int host = hostCpus(affinity);

        Double quota = null;
        Set<Integer> cpuset = null;
        if (mounts != null) {
            CgroupDir v1cpu = cgroupDir(cgroups, mounts, "cpu");
            CgroupDir v1cpuset = cgroupDir(cgroups, mounts, "cpuset");
            CgroupDir v2 = cgroupDir(cgroups, mounts, null);
            if (v1cpu != null) quota = v1Quota(v1cpu);
            else if (v2 != null) quota = v2Quota(v2);
            if (v1cpuset != null) {
                cpuset = cpus(v1cpuset.dir(), "cpuset.effective_cpus");
                if (cpuset == null) cpuset = cpus(v1cpuset.dir(), "cpuset.cpus");
            } else if (v2 != null) {
                cpuset = cpus(v2.dir(), "cpuset.cpus.effective");
            }
        }
        Set<Integer> allowed = new TreeSet<>();
        for (int i = 0; i < host; i++) allowed.add(i);
        if (affinity != null) allowed.retainAll(affinity);
        if (cpuset != null) allowed.retainAll(cpuset);
        String cpusetText = cpuset != null && cpuset.size() < host ? CpuLimit.list(new ArrayList<>(cpuset)) : null;
        return new CpuLimit(host, new ArrayList<>(allowed), quota, cpusetText,
                unknown.isEmpty() ? null : String.join(", ", unknown));
    }

    /** A cgroup's directory, and where its hierarchy is mounted. */
    private record CgroupDir(Path mount, Path dir) {
    }

    /**
     * The directory of this process's cgroup for {@code controller} in a v1 hierarchy, or (null
     * controller) in the v2 one; null where there is no such hierarchy.
     */
    private CgroupDir cgroupDir(List<String> cgroups, List<String> mounts, String controller) {
        String path = null;
        for (String line : cgroups) {
            // hierarchy-id:controller,list:/path
            String[] f = line.split(":", 3);
            if (f.length < 3) continue;
            boolean match = controller == null ? f[0].equals("0") && f[1].isEmpty()
                    : List.of(f[1].split(",")).contains(controller);
            if (match) {
                path = f[2];
                break;
            }
        }
        if (path == null) return null;
        for (String line : mounts) {
            // id parent major:minor root mount-point options [optional...] - fstype source super-options
            int dash = line.indexOf(" - ");
            if (dash < 0) continue;
            String[] before = line.substring(0, dash).split(" ");
            String[] after = line.substring(dash + 3).split(" ");
            if (before.length < 5 || after.length < 1) continue;
            boolean match = controller == null ? after[0].equals("cgroup2")
                    : after[0].equals("cgroup") && after.length >= 3 && List.of(after[2].split(",")).contains(controller);
            if (!match) continue;
            String mountRoot = unescape(before[3]);
            String mountPoint = unescape(before[4]);
            // a container sees its own cgroup as the mount's root ("/docker/abc" mounted at /sys/fs/cgroup)
            String rel = path.startsWith(mountRoot) ? path.substring(mountRoot.length()) : path;
            Path mount = root.resolve(strip(mountPoint)).normalize();
            return new CgroupDir(mount, mount.resolve(strip(rel)).normalize());
        }
        return null;
    }

    /** cgroup v2: "max 100000" or "50000 100000" at this level and every one above it. */
    private Double v2Quota(CgroupDir dir) {
        Double q = null;
        for (Path d : upTo(dir)) {
            String text = file(d.resolve("cpu.max"));
            if (text == null) continue;
            String[] f = text.trim().split("\\s+");
            if (f.length < 1 || f[0].equals("max")) continue;
            try {
                double period = f.length > 1 ? Double.parseDouble(f[1]) : 100_000;
                double cores = Double.parseDouble(f[0]) / period;
                if (cores > 0 && (q == null || cores < q)) q = cores;
            } catch (NumberFormatException e) {
                unknown.add(name(d.resolve("cpu.max")) + ": '" + text.trim() + "'");
            }
        }
        return q;
    }

    /** cgroup v1: cpu.cfs_quota_us (-1: none) over cpu.cfs_period_us, at every level. */
    private Double v1Quota(CgroupDir dir) {
        Double q = null;
        for (Path d : upTo(dir)) {
            String quota = file(d.resolve("cpu.cfs_quota_us"));
            if (quota == null) continue;
            String period = file(d.resolve("cpu.cfs_period_us"));
            if (period == null) continue;
            try {
                long us = Long.parseLong(quota.trim());
                if (us < 0) continue;
                double cores = us / Double.parseDouble(period.trim());
                if (cores > 0 && (q == null || cores < q)) q = cores;
            } catch (NumberFormatException e) {
                unknown.add(name(d.resolve("cpu.cfs_quota_us")) + ": '" + quota.trim() + "' / '" + period.trim() + "'");
            }
        }
        return q;
    }

    private Set<Integer> cpus(Path dir, String file) {
        String text = file(dir.resolve(file));
        if (text == null || text.isBlank()) return null;
        try {
            return AllowedCpus.parseList(text);
        } catch (NumberFormatException e) {
            unknown.add(file + ": '" + text.trim() + "'");
            return null;
        }
    }

    /** The cgroup's directory and its parents, up to where its hierarchy is mounted. */
    private static List<Path> upTo(CgroupDir c) {
        List<Path> out = new ArrayList<>();
        for (Path d = c.dir(); d != null && d.startsWith(c.mount()); d = d.getParent()) out.add(d);
        return out;
    }

    private Set<Integer> affinity() {
        List<String> status = lines("proc/self/status");
        if (status == null) return null;
        for (String line : status) {
            if (!line.startsWith("Cpus_allowed_list:")) continue;
            try {
                return AllowedCpus.parseList(line.substring(line.indexOf(':') + 1));
            } catch (NumberFormatException e) {
                unknown.add("Cpus_allowed_list: '" + line.trim() + "'");
            }
        }
        return null;
    }

    /** CPUs online ({@code /sys/devices/system/cpu/online}), else as many as the highest one allowed. */
    private int hostCpus(Set<Integer> affinity) {
        String online = file(root.resolve("sys/devices/system/cpu/online"));
        if (online != null) {
            try {
                Set<Integer> cpus = AllowedCpus.parseList(online);
                if (!cpus.isEmpty()) return ((TreeSet<Integer>) cpus).last() + 1;
            } catch (NumberFormatException e) {
                unknown.add("cpu/online: '" + online.trim() + "'");
            }
        }
        if (affinity != null && !affinity.isEmpty()) return ((TreeSet<Integer>) affinity).last() + 1;
        return Runtime.getRuntime().availableProcessors();
    }

    private List<String> lines(String rel) {
        String text = file(root.resolve(rel));
        return text == null ? null : text.lines().toList();
    }

    /** The file's text; null where there is no such file; unknown (and null) where it cannot be read. */
    private String file(Path p) {
        try {
            return Files.readString(p);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            unknown.add(name(p) + ": " + (e.getMessage() == null || e.getMessage().equals(p.toString())
                    ? e.getClass().getSimpleName() : e.getMessage().replace(p.toString(), "").replaceAll("^[: ]+", "")));
            return null;
        }
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    private static String strip(String absolute) {
        String s = absolute;
        while (s.startsWith("/")) s = s.substring(1);
        return s;
    }

    /** mountinfo escapes spaces and the like as octal ({@code \040}). */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
