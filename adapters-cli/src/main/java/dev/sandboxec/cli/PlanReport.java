package dev.sandboxec.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sandboxec.domain.landlock.FsAccess;
import dev.sandboxec.domain.landlock.NetAccess;
import dev.sandboxec.domain.landlock.Scope;
import dev.sandboxec.domain.plan.Dropped;
import dev.sandboxec.domain.plan.PlannedPathRule;
import dev.sandboxec.domain.plan.PlannedPortRule;
import dev.sandboxec.domain.plan.RulesetPlan;
import dev.sandboxec.domain.policy.NetRule;
import dev.sandboxec.domain.run.RunRequest;
import dev.sandboxec.domain.run.RunSandboxed.Prepared;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the kernel will enforce, for --dry-run (text or JSON) and --verbose. */
final class PlanReport {
    private final RunRequest request;
    private final Prepared prepared;
    private final RulesetPlan plan;
    private final String configSource;

    PlanReport(RunRequest request, Prepared prepared, String configSource) {
        this.request = request;
        this.prepared = prepared;
        this.plan = prepared.plan();
        this.configSource = configSource;
    }

    /** A few lines for --verbose, printed before exec. */
    String summary() {
        String abi = plan.restricts() ? "Landlock ABI " + plan.effective().version() + " (kernel ABI "
                + plan.kernelAbi() + ")" : "no Landlock";
        return "config " + configSource + System.lineSeparator() + abi + ", " + plan.status().label() + ": " + plan.pathRules().size() + " path rule(s), "
                + plan.portRules().size() + " port rule(s)" + (plan.scoped() != 0 ? ", IPC scoped" : "")
                + (plan.blockMptcp() ? ", MPTCP and io_uring refused" : "") + System.lineSeparator() + "exec "
                + String.join(" ", prepared.argv()) + (prepared.argv().get(0).equals(prepared.executable()) ? ""
                        : " (" + prepared.executable() + ")");
    }

    void printText(PrintWriter out) {
        out.println("sandboxec --dry-run: nothing was run");
        out.printf("config         %s%n", configSource);
        out.printf("command        %s%n", String.join(" ", prepared.argv()));
        out.printf("executable     %s%n", prepared.executable());
        out.printf("kernel ABI     %d%s%n", plan.kernelAbi(),
                prepared.unavailable().isEmpty() ? "" : " (" + prepared.unavailable() + ")");
        out.printf("effective ABI  %d%s (asked for %d%s)%n", plan.effective().version(),
                plan.restricts() ? " (Linux " + plan.effective().linux() + ")" : "", plan.target().version(),
                request.requestedAbi() == 0 ? ", the highest known" : "");
        out.printf("mode           %s%n", request.bestEffort() ? "best effort" : "strict");
        out.printf("status         %s%n", plan.status().label());
        out.println("denied unless a rule allows it:");
        out.printf("  filesystem   %s%n", names(FsAccess.inMask(plan.handledFs())));
        out.printf("  network      %s%n", names(NetAccess.inMask(plan.handledNet())));
        out.printf("  scopes       %s%n", names(Scope.inMask(plan.scoped())));
        out.println("rules:");
        if (request.policy().fsRules().isEmpty() && request.policy().netRules().isEmpty()) {
            out.println("  none: everything handled is denied");
        }
        for (PlannedPathRule rule : plan.pathRules()) {
            String asked = rule.requested() == rule.rule().rights().mask() ? ""
                    : " (a file takes file rights only)";
            out.printf("  %-24s %-9s %s%s%n", rule.rule(), rule.directory() ? "directory" : "file",
                    names(FsAccess.inMask(rule.granted())), asked);
        }
        for (NetRule rule : request.policy().netRules()) {
            out.printf("  %-24s %-9s %s%n", rule, "tcp port", names(NetAccess.inMask(granted(rule))));
        }
        for (String skipped : plan.skipped()) {
            out.printf("  %-24s skipped: path does not exist%n", skipped);
        }
        out.printf("MPTCP sockets  %s%n", plan.blockMptcp()
                ? "refused by a seccomp filter (io_uring too), so programs fall back to TCP, which the rules"
                        + " control"
                : "not restricted (no TCP rules are enforced)");
        out.println("dropped:");
        if (plan.dropped().isEmpty()) {
            out.println("  nothing");
        }
        for (Dropped dropped : plan.dropped()) {
            out.printf("  %s%n", dropped.describe(plan.kernelAbi(), plan.effective()));
        }
        out.flush();
    }

    void printJson(PrintWriter out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeBooleanField("dryRun", true);
            json.writeStringField("config", configSource);
            json.writeObjectFieldStart("command");
            stringArray(json, "argv", prepared.argv());
            json.writeStringField("executable", prepared.executable());
            json.writeEndObject();
            json.writeNumberField("kernelAbi", plan.kernelAbi());
            if (!prepared.unavailable().isEmpty()) {
                json.writeStringField("landlockUnavailable", prepared.unavailable());
            }
            json.writeNumberField("requestedAbi", request.requestedAbi());
            json.writeNumberField("targetAbi", plan.target().version());
            json.writeNumberField("effectiveAbi", plan.effective().version());
            json.writeBooleanField("bestEffort", request.bestEffort());
            json.writeStringField("status", plan.status().name().toLowerCase(Locale.ROOT));
            json.writeObjectFieldStart("handled");
            stringArray(json, "fs", enumNames(FsAccess.inMask(plan.handledFs())));
            stringArray(json, "net", enumNames(NetAccess.inMask(plan.handledNet())));
            stringArray(json, "scopes", enumNames(Scope.inMask(plan.scoped())));
            json.writeEndObject();
            json.writeArrayFieldStart("fsRules");
            for (PlannedPathRule rule : plan.pathRules()) {
                json.writeStartObject();
                json.writeStringField("rule", rule.rule().toString());
                json.writeStringField("rights", rule.rule().rights().shortName());
                json.writeStringField("path", rule.rule().path());
                json.writeBooleanField("directory", rule.directory());
                stringArray(json, "requested", enumNames(FsAccess.inMask(rule.requested())));
                stringArray(json, "granted", enumNames(FsAccess.inMask(rule.granted())));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("netRules");
            for (NetRule rule : request.policy().netRules()) {
                json.writeStartObject();
                json.writeStringField("rule", rule.toString());
                json.writeStringField("rights", rule.rights().shortName());
                json.writeNumberField("port", rule.port().value());
                stringArray(json, "requested", enumNames(NetAccess.inMask(rule.rights().mask())));
                stringArray(json, "granted", enumNames(NetAccess.inMask(granted(rule))));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeBooleanField("mptcpBlocked", plan.blockMptcp());
            json.writeArrayFieldStart("dropped");
            for (Dropped dropped : plan.dropped()) {
                json.writeStartObject();
                json.writeStringField("feature", dropped.feature());
                json.writeNumberField("needsAbi", dropped.needs().version());
                json.writeStringField("consequence", dropped.consequence());
                json.writeEndObject();
            }
            json.writeEndArray();
            stringArray(json, "skipped", plan.skipped());
            json.writeEndObject();
        }
        out.println();
        out.flush();
    }

    private long granted(NetRule rule) {
        return plan.portRules().stream().filter(planned -> planned.rule().equals(rule))
                .mapToLong(PlannedPortRule::granted).reduce(0, (a, b) -> a | b);
    }

    private static void stringArray(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static List<String> enumNames(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static String names(List<? extends Enum<?>> values) {
        return values.isEmpty() ? "-" : values.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
