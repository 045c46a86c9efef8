namespace AlgoSpace.Silo.Configuration;

/// <summary>Where each path of the settings tree was written, so that rules across keys can point at a line.</summary>
public sealed class PositionIndex
{
    private readonly Dictionary<string, YamlNodeBase> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourcePosition> _keys = new(StringComparer.Ordinal);

    public PositionIndex(YamlNodeBase? root)
    {
        if (root is not null) Walk(root, "");
    }

    /// <summary>The position of the value at the path, else of its nearest written ancestor, else null.</summary>
    public SourcePosition? Of(string path)
    {
        for (var p = path; ; p = Parent(p))
        {
            if (_nodes.TryGetValue(p, out var node)) return node is YamlScalar ? node.Position : _keys.GetValueOrDefault(p, node.Position);
            if (p.Length == 0) return null;
        }
    }

    /// <summary>The node written at the path, if any.</summary>
    public YamlNodeBase? Node(string path) => _nodes.GetValueOrDefault(path);

    public bool IsWritten(string path) => _nodes.ContainsKey(path);

    private void Walk(YamlNodeBase node, string path)
    {
        _nodes[path] = node;
        switch (node)
        {
            case YamlMap map:
                foreach (var (key, value) in map.Entries)
                {
                    var child = SettingsPath.Child(path, key.Value);
                    _keys[child] = key.Position;
                    Walk(value, child);
                }

                break;
            case YamlList list:
                for (var i = 0; i < list.Items.Count; i++) Walk(list.Items[i], SettingsPath.Item(path, i));
                break;
        }
    }

    private static string Parent(string path)
    {
        if (path.EndsWith(']'))
        {
            return path[..path.LastIndexOf('[')];
        }

        var dot = path.LastIndexOf('.');
        return dot < 0 ? "" : path[..dot];
    }
}
