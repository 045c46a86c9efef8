using AlgoSpace.FeedReplay;
using AlgoSpace.MarketData;

namespace AlgoSpace.Tests.Components.Data.Live;

public sealed class FeedReplayServerTests
{
    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("0.0.0.0")]
    public void A_non_loopback_address_is_refused_unless_allowed(string host)
    {
        var options = new FeedReplayOptions { File = "ticks.csv", Host = host };

        var refused = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("--allow-remote", refused.Message);
        new FeedReplayOptions { File = "ticks.csv", Host = host, AllowRemote = true }.Validate();
    }

    [Fact]
    public void The_command_line_defaults_match_settings_live_yaml()
    {
        var options = ReplayCommandLine.Parse(["data/sample/ES-ticks-sample.csv"]);

        // settings/live.yaml: url ws://127.0.0.1:8765/ticks, message_format algospace_json.
        Assert.Equal(("127.0.0.1", 8765, "/ticks", 20), (options.Host, options.Port, options.Path, options.Overlap));
        Assert.Equal(FeedMessageFormat.AlgoSpaceJson, options.Format);
    }

    [Fact]
    public void The_command_line_reads_every_option()
    {
        var options = ReplayCommandLine.Parse(["f.csv", "--port", "9000", "--rate", "250", "--format", "binance_trade", "--overlap", "5", "--loop", "--symbol", "BTCUSDT", "--heartbeat", "0.5"]);

        Assert.Equal((9000, 250.0, 5, true, "BTCUSDT"), (options.Port, options.Rate, options.Overlap, options.Loop, options.Symbol));
        Assert.Equal(FeedMessageFormat.BinanceTrade, options.Format);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.HeartbeatInterval);
        Assert.Throws<ArgumentException>(() => ReplayCommandLine.Parse(["f.csv", "--fromat", "x"]));
    }

    [Fact]
    public async Task Port_zero_picks_a_free_port_and_a_restart_keeps_it()
    {
        using var file = FeedFiles.Write(3, quotes: false);
        await using var server = new FeedReplayServer(new FeedReplayOptions { File = file.Path, Port = 0 });

        await server.StartAsync();
        var port = server.Port;
        await server.StopAsync();
        await server.StartAsync();

        Assert.NotEqual(0, port);
        Assert.Equal(port, server.Port);
        Assert.Equal(new Uri($"ws://127.0.0.1:{port}/ticks"), server.Url);
    }

    [Fact]
    public void A_looped_tape_continues_ids_and_shifts_times_forward()
    {
        var tape = new TickTape(FeedFiles.Ticks(4, quotes: false), loop: true);

        // 4 ticks 250 ms apart span 750 ms; a pass shifts by the span + 1 s = 1.75 s: position 4 is tick 0 at 09:30:01.750.
        Assert.True(tape.HasTick(1_000));
        Assert.Equal(FeedFiles.Start.AddMilliseconds(1750), tape[4].Timestamp);
        Assert.Equal(FeedFiles.Tick(1, false).Price, tape[5].Price);
        Assert.False(new TickTape(FeedFiles.Ticks(4, quotes: false), loop: false).HasTick(4));
    }
}
