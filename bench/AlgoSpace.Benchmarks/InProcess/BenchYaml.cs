namespace AlgoSpace.Benchmarks.InProcess;

/// <summary>The settings of the in-process benchmark system: bench_source → bench_sink over one transport.</summary>
public static class BenchYaml
{
    public static string System(string transport, string run, int warmup, int count, (int Silo, int Gateway) ports) => $$"""
        system:
          mode: backtest
          shutdown_timeout: 20
          log_level: WARNING
        event_bus:
          transport: {{transport}}
          stream_pull_period_ms: 1
        models: {}
        data_handler:
          backtest_file: ../data/ticks.csv
        risk_management:
          max_daily_loss: 5000
        execution: {}
        persistence:
          provider: memory
          # SimTime carries Stopwatch ticks, so it runs 100 times faster than the clock: without this, the
          # snapshot policy (every 30-minute bar of SimTime) would save state every 18 s of the benchmark.
          snapshot_every_bars: 1000000
        cluster:
          silo_port: {{ports.Silo}}
          gateway_port: {{ports.Gateway}}
        telemetry:
          enabled: false
        custom_events: [BENCH_PING]
        components:
          - name: sink
            type: bench_sink
            subscribes: [BENCH_PING]
            parameters: { run: "{{run}}" }
          - name: execution
            type: bench_execution
            critical: true
          - name: source
            type: bench_source
            critical: true
            publishes: [BENCH_PING]
            parameters: { run: "{{run}}", warmup: "{{warmup}}", count: "{{count}}" }
        """;
}
