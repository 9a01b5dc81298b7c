package dev.sandboxec.bench;

import dev.sandboxec.domain.plan.AbiNegotiation;
import dev.sandboxec.domain.plan.NegotiationInput;
import dev.sandboxec.domain.plan.PathTarget;
import dev.sandboxec.domain.plan.PolicyNotEnforceableException;
import dev.sandboxec.domain.plan.RulesetPlan;
import dev.sandboxec.domain.policy.FsRule;
import dev.sandboxec.domain.policy.NetRule;
import dev.sandboxec.domain.port.Environment;
import dev.sandboxec.domain.port.FileSystem.PathKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process work between reading the arguments and the first syscall:
 * parsing N --fs rules and 10 --net rules, then negotiating the plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlanningBenchmark {
    private static final Environment ENVIRONMENT = new Environment() {
        @Override
        public Optional<String> variable(String name) {
            return name.equals("HOME") ? Optional.of("/home/user") : Optional.empty();
        }

        @Override
        public Optional<String> home() {
            return Optional.of("/home/user");
        }
    };

    @Param({"1", "100", "1000"})
    int rules;

    List<String> fsTexts;
    List<String> netTexts;
    List<PathTarget> targets;
    List<NetRule> netRules;

    @Setup
    public void setUp() {
        fsTexts = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            fsTexts.add((i % 2 == 0 ? "rx" : "read_write") + ":~/lib/x86_64-linux-gnu/lib" + i + ".so");
        }
        netTexts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            netTexts.add("c:" + (8000 + i));
        }
        targets = parseFs().stream().map(rule -> new PathTarget(rule, PathKind.OTHER)).toList();
        netRules = parseNet();
    }

    @Benchmark
    public List<FsRule> parseFs() {
        List<FsRule> parsed = new ArrayList<>(fsTexts.size());
        for (String text : fsTexts) {
            parsed.add(FsRule.parse(text, ENVIRONMENT));
        }
        return parsed;
    }

    @Benchmark
    public List<NetRule> parseNet() {
        List<NetRule> parsed = new ArrayList<>(netTexts.size());
        for (String text : netTexts) {
            parsed.add(NetRule.parse(text));
        }
        return parsed;
    }

    @Benchmark
    public RulesetPlan negotiate() throws PolicyNotEnforceableException {
        return AbiNegotiation.negotiate(new NegotiationInput(7, 0, false, targets, netRules, true, false));
    }

    @Benchmark
    public RulesetPlan parseAndNegotiate() throws PolicyNotEnforceableException {
        List<PathTarget> parsed = parseFs().stream().map(rule -> new PathTarget(rule, PathKind.OTHER)).toList();
        return AbiNegotiation.negotiate(new NegotiationInput(7, 0, false, parsed, parseNet(), true, false));
    }
}
