using System.Net;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Placement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime.Placement;

namespace AlgoSpace.Tests.Placement;

/// <summary>
/// The director between Orleans and the chooser: an instrument's key placed by the chooser, any other key by the
/// director of the silo's default placement strategy, with that strategy.
/// </summary>
public sealed class InstrumentPlacementDirectorTests
{
    private static readonly SiloAddress[] Silos = [.. new[] { 11113, 11111, 11112 }.Select(port => SiloAddress.New(IPAddress.Loopback, port, 1))];

    [Fact]
    public async Task An_instrument_key_is_placed_by_the_settings_symbols()
    {
        var (director, fallback) = Build();

        var silo = await director.OnAddActivation(InstrumentPlacement.Singleton, Target("bar_generator@CL"), new Context(Silos));

        Assert.Equal(11113, silo.Endpoint.Port);
        Assert.Empty(fallback.Calls);
    }

    [Fact]
    public async Task A_portfolio_key_is_handed_to_the_default_strategy_s_director()
    {
        var (director, fallback) = Build();

        var silo = await director.OnAddActivation(InstrumentPlacement.Singleton, Target("execution_handler"), new Context(Silos));

        Assert.Equal(fallback.Answer, silo);
        var call = Assert.Single(fallback.Calls);
        Assert.IsType<DefaultForTest>(call.Strategy);
        Assert.Equal("execution_handler", call.Key);
    }

    [Fact]
    public async Task No_compatible_silo_is_an_error_that_names_the_grain()
    {
        var (director, _) = Build();

        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() =>
            director.OnAddActivation(InstrumentPlacement.Singleton, Target("bar_generator@ES"), new Context([])));

        Assert.Contains("bar_generator@ES", error.Message, StringComparison.Ordinal);
    }

    private static (InstrumentPlacementDirector Director, RecordingDirector Fallback) Build()
    {
        var fallback = new RecordingDirector(SiloAddress.New(IPAddress.Loopback, 22222, 1));
        var services = new ServiceCollection()
            .AddSingleton<PlacementStrategy>(new DefaultForTest())
            .AddKeyedSingleton<IPlacementDirector>(typeof(DefaultForTest), fallback)
            .BuildServiceProvider();
        var settings = new AlgoSpaceSettings { Symbols = ["ES", "NQ", "CL"] };
        return (new InstrumentPlacementDirector(settings, services, NullLogger<InstrumentPlacementDirector>.Instance), fallback);
    }

    private static PlacementTarget Target(string key) =>
        new(GrainId.Create("componenthost", key), [], GrainInterfaceType.Create("IComponentHostGrain"), 0);

    private sealed class DefaultForTest : PlacementStrategy;

    private sealed class RecordingDirector(SiloAddress answer) : IPlacementDirector
    {
        public SiloAddress Answer => answer;

        public List<(PlacementStrategy Strategy, string Key)> Calls { get; } = [];

        public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
        {
            Calls.Add((strategy, target.GrainIdentity.Key.ToString()));
            return Task.FromResult(answer);
        }
    }

    private sealed class Context(SiloAddress[] silos) : IPlacementContext
    {
        public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => silos;

        public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) => new Dictionary<ushort, SiloAddress[]> { [0] = silos };

        public SiloAddress LocalSilo => silos[0];

        public SiloStatus LocalSiloStatus => SiloStatus.Active;
    }
}
