namespace AlgoSpace.Grains.Components;

/// <summary>Grain storage provider names, shared by the grains and the silo that registers the providers.</summary>
public static class StorageNames
{
    /// <summary>Where kernel and component state is saved.</summary>
    public const string State = "state";

    /// <summary>Orleans streams' subscription store.</summary>
    public const string PubSub = "PubSubStore";
}
