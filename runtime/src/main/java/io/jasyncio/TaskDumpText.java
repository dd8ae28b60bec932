package io.jasyncio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The printed forms of a {@link TaskDump}: the full form, and the table and the tree of Python
 * 3.14's {@code asyncio ps} and {@code pstree} (same columns, same tree drawing, same cycle
 * report; asyncio's coroutine names become {@code Class.method}, its frames
 * {@code Class.method File.java:line}).
 */
final class TaskDumpText {
    private TaskDumpText() {}

    /** How a task is named in the full form: {@code "worker" #2}, as a Java thread dump names a thread. */
    static String taskLabel(String name, int id) {
        return "\"" + name + "\" #" + id;
    }

    /** A frame's coroutine name, {@code Class.method} (asyncio prints the function's qualified name). */
    static String frameName(StackTraceElement e) {
        String cls = e.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + e.getMethodName();
    }

    /** A frame as asyncio's pstree prints one: the name, then {@code File.java:line} when known. */
    private static String frameLabel(StackTraceElement e) {
        String name = frameName(e);
        if (e.getLineNumber() > 0 && e.getFileName() != null) {
            return name + " " + e.getFileName() + ":" + e.getLineNumber();
        }
        return name;
    }

    // ---- the full form --------------------------------------------------------------------

    static String full(TaskDump dump) {
        StringBuilder sb = new StringBuilder();
        Map<Integer, TaskDump.TaskInfo> byId = dump.byId();
        if (dump.loops().isEmpty()) {
            sb.append("No live event loop.\n");
        }
        for (TaskDump.LoopInfo loop : dump.loops()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append("Event loop #").append(loop.id());
            if (loop.running()) {
                sb.append(", running on thread \"")
                        .append(loop.threadName())
                        .append("\" (tid ")
                        .append(loop.threadId())
                        .append(')');
            } else {
                sb.append(", not running");
            }
            sb.append(String.format(Locale.ROOT, ", time %.3f", loop.time()));
            if (loop.virtualTime()) {
                sb.append(" (virtual)");
            }
            int n = loop.tasks().size();
            sb.append(", ").append(n).append(n == 1 ? " task\n" : " tasks\n");
            if (!loop.consistent()) {
                sb.append("(read while the loop was busy, without its cooperation: may be inconsistent)\n");
            }
            for (TaskDump.TaskInfo t : loop.tasks()) {
                sb.append('\n')
                        .append(taskLabel(t.name(), t.id()))
                        .append(' ')
                        .append(t.state().label());
                if (t.awaiting() != null) {
                    sb.append(", awaiting ").append(t.awaiting());
                }
                sb.append('\n');
                for (StackTraceElement e : t.stack()) {
                    sb.append("\tat ").append(e).append('\n');
                }
                for (int by : t.awaitedBy()) {
                    TaskDump.TaskInfo awaiter = byId.get(by);
                    sb.append("\tawaited by ")
                            .append(awaiter == null ? "#" + by : taskLabel(awaiter.name(), by))
                            .append('\n');
                }
            }
        }
        List<List<TaskDump.TaskInfo>> cycles = cycles(dump);
        for (List<TaskDump.TaskInfo> cycle : cycles) {
            sb.append("\nAwait cycle (these tasks wait for each other forever): ");
            String sep = "";
            for (TaskDump.TaskInfo t : cycle) {
                sb.append(sep).append(taskLabel(t.name(), t.id()));
                sep = " -> ";
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    // ---- asyncio ps ------------------------------------------------------------------------

    static String table(TaskDump dump) {
        StringBuilder sb = new StringBuilder();
        row(sb, "tid", "task id", "task name", "coroutine stack", "awaiter chain", "awaiter name", "awaiter id");
        sb.append("-".repeat(180)).append('\n');
        Map<Integer, TaskDump.TaskInfo> byId = dump.byId();
        for (TaskDump.LoopInfo loop : dump.loops()) {
            String tid = loop.running() ? Long.toString(loop.threadId()) : "-";
            for (TaskDump.TaskInfo t : loop.tasks()) {
                String stack = chain(t.stack());
                if (t.awaitedBy().isEmpty()) {
                    row(sb, tid, Integer.toString(t.id()), t.name(), stack, "", "", "0");
                    continue;
                }
                for (int by : t.awaitedBy()) {
                    TaskDump.TaskInfo awaiter = byId.get(by);
                    row(
                            sb,
                            tid,
                            Integer.toString(t.id()),
                            t.name(),
                            stack,
                            awaiter == null ? "" : chain(awaiter.stack()),
                            awaiter == null ? "Unknown" : awaiter.name(),
                            Integer.toString(by));
                }
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String... cells) {
        sb.append(String.format(Locale.ROOT, "%-10s %-20s %-20s %-50s %-50s %-15s %-15s", (Object[]) cells))
                .append('\n');
    }

    private static String chain(List<StackTraceElement> stack) {
        List<String> names = new ArrayList<>(stack.size());
        for (StackTraceElement e : stack) {
            names.add(frameName(e));
        }
        return String.join(" -> ", names);
    }

    // ---- asyncio pstree --------------------------------------------------------------------

    /** The tree text, or null when the await graph has cycles. */
    static String tree(TaskDump dump) {
        if (!cycles(dump).isEmpty()) {
            return null;
        }
        Map<Integer, TaskDump.TaskInfo> byId = dump.byId();
        Tree tree = new Tree();
        for (TaskDump.TaskInfo t : byId.values()) {
            tree.labels.put(taskNode(t.id()), "(T) " + t.name());
        }
        // each edge: the awaiting task, down its stack (oldest frame first), then the awaited task
        Set<Integer> awaiting = new HashSet<>();
        for (TaskDump.TaskInfo child : byId.values()) {
            for (int parentId : child.awaitedBy()) {
                TaskDump.TaskInfo parent = byId.get(parentId);
                if (parent == null) {
                    continue;
                }
                awaiting.add(parentId);
                String cur = taskNode(parentId);
                for (String frame : treePath(parent.stack())) {
                    cur = tree.frameNode(cur, frame);
                }
                List<String> kids = tree.children.computeIfAbsent(cur, k -> new ArrayList<>());
                if (!kids.contains(taskNode(child.id()))) {
                    kids.add(taskNode(child.id()));
                }
            }
        }
        // the tasks awaiting no task end in their own stack
        for (TaskDump.TaskInfo t : byId.values()) {
            if (!awaiting.contains(t.id())) {
                String cur = taskNode(t.id());
                for (String frame : treePath(t.stack())) {
                    cur = tree.frameNode(cur, frame);
                }
            }
        }
        Set<String> isChild = new HashSet<>();
        tree.children.values().forEach(isChild::addAll);
        StringBuilder sb = new StringBuilder();
        for (String node : tree.labels.keySet()) {
            if (!isChild.contains(node)) {
                tree.render(node, sb);
            }
        }
        return sb.toString();
    }

    /** Frames of one task shown in a tree at most; each level indents, so a deep chain would draw quadratic text. */
    private static final int TREE_FRAMES = 64;

    /**
     * The labels of a stack from the oldest frame down, as the tree nests them; of a stack deeper
     * than {@link #TREE_FRAMES}, the oldest and the newest halves around one "… N frames …" node.
     */
    private static List<String> treePath(List<StackTraceElement> stack) {
        int n = stack.size();
        List<String> path = new ArrayList<>(Math.min(n, TREE_FRAMES + 1));
        int half = TREE_FRAMES / 2;
        for (int i = n - 1; i >= 0; i--) {
            if (n > TREE_FRAMES && i == n - 1 - half) {
                path.add("… " + (n - TREE_FRAMES) + " more frames …");
                i = half - 1;
            }
            path.add(frameLabel(stack.get(i)));
        }
        return path;
    }

    private static String taskNode(int id) {
        return "T" + id;
    }

    /** The nodes of the trees: tasks ({@code T<id>}) and coroutine frames ({@code C<n>}). */
    private static final class Tree {
        final Map<String, String> labels = new LinkedHashMap<>();
        final Map<String, List<String>> children = new HashMap<>();
        final Map<String, Map<String, String>> frameNodes = new HashMap<>();
        int frames;

        /** The node of {@code frame} under {@code parent}, made on first use. */
        String frameNode(String parent, String frame) {
            Map<String, String> known = frameNodes.computeIfAbsent(parent, k -> new HashMap<>());
            String node = known.get(frame);
            if (node == null) {
                node = "C" + ++frames;
                labels.put(node, " " + frame);
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(node);
                known.put(frame, node);
            }
            return node;
        }

        /** Draws the tree under {@code root} as asyncio's pstree does; iterative, as a chain of coroutines may be deep. */
        void render(String root, StringBuilder sb) {
            java.util.ArrayDeque<String[]> todo = new java.util.ArrayDeque<>(); // node, prefix, last
            todo.push(new String[] {root, "", "true"});
            while (!todo.isEmpty()) {
                String[] item = todo.pop();
                boolean last = item[2].equals("true");
                sb.append(item[1])
                        .append(last ? "└── " : "├── ")
                        .append(labels.get(item[0]))
                        .append('\n');
                String childPrefix = item[1] + (last ? "    " : "│   ");
                List<String> kids = children.getOrDefault(item[0], List.of());
                for (int i = kids.size() - 1; i >= 0; i--) {
                    todo.push(new String[] {kids.get(i), childPrefix, String.valueOf(i == kids.size() - 1)});
                }
            }
        }
    }

    /** asyncio's report of an await graph with cycles, instead of the tree. */
    static String cycleError(TaskDump dump) {
        StringBuilder sb = new StringBuilder("ERROR: await-graph contains cycles - cannot print a tree!\n\n");
        for (List<TaskDump.TaskInfo> cycle : cycles(dump)) {
            List<String> names = new ArrayList<>(cycle.size());
            for (TaskDump.TaskInfo t : cycle) {
                names.add(t.name());
            }
            sb.append("cycle: ").append(String.join(" → ", names)).append('\n');
        }
        return sb.toString();
    }

    /** The cycles of the await graph, by depth-first search for back edges (asyncio's {@code _find_cycles}). */
    static List<List<TaskDump.TaskInfo>> cycles(TaskDump dump) {
        Map<Integer, TaskDump.TaskInfo> byId = dump.byId();
        Map<Integer, Set<Integer>> graph = new LinkedHashMap<>();
        for (TaskDump.TaskInfo child : byId.values()) {
            for (int parent : child.awaitedBy()) {
                graph.computeIfAbsent(parent, k -> new LinkedHashSet<>()).add(child.id());
            }
        }
        Map<Integer, Integer> color = new HashMap<>(); // absent: white, 1: grey, 2: black
        List<Integer> path = new ArrayList<>();
        List<List<Integer>> found = new ArrayList<>();
        for (int v : graph.keySet()) {
            if (!color.containsKey(v)) {
                dfs(v, graph, color, path, found);
            }
        }
        List<List<TaskDump.TaskInfo>> cycles = new ArrayList<>(found.size());
        for (List<Integer> ids : found) {
            List<TaskDump.TaskInfo> cycle = new ArrayList<>(ids.size());
            for (int id : ids) {
                cycle.add(byId.get(id));
            }
            cycles.add(List.copyOf(cycle));
        }
        return List.copyOf(cycles);
    }

    /** Iterative, so that a long chain of tasks awaiting each other cannot overflow the stack. */
    private static void dfs(
            int start,
            Map<Integer, Set<Integer>> graph,
            Map<Integer, Integer> color,
            List<Integer> path,
            List<List<Integer>> found) {
        List<java.util.Iterator<Integer>> next = new ArrayList<>();
        color.put(start, 1);
        path.add(start);
        next.add(graph.getOrDefault(start, Set.of()).iterator());
        while (!next.isEmpty()) {
            java.util.Iterator<Integer> it = next.get(next.size() - 1);
            if (!it.hasNext()) {
                color.put(path.remove(path.size() - 1), 2);
                next.remove(next.size() - 1);
                continue;
            }
            int w = it.next();
            Integer c = color.get(w);
            if (c == null) {
                color.put(w, 1);
                path.add(w);
                next.add(graph.getOrDefault(w, Set.of()).iterator());
            } else if (c == 1) {
                List<Integer> cycle = new ArrayList<>(path.subList(path.indexOf(w), path.size()));
                cycle.add(w);
                found.add(cycle);
            }
        }
    }
}
