namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Assembles one <see cref="SimulationJob"/> from the parts and measures of several valuations: measures name
/// parts (their output numbers local to the part); parts with equal merge keys become one group. The job then
/// runs every valuation on the same paths, so their sums (a book's totals) come with honest standard errors.
/// </summary>
public sealed class JobBuilder
{
    private readonly List<(SimulationPart Part, ulong Streams)> _parts = [];
    private readonly List<Measure> _measures = [];

    /// <summary>Adds a part; returns its id for <see cref="MeasureTerm.Group"/> in measures given to <see cref="AddMeasure"/>.</summary>
    /// <param name="part">The part.</param>
    /// <param name="streams">Its group's stream tag (<see cref="StreamTags"/>); parts merge only on the same streams.</param>
    public int Add(SimulationPart part, ulong streams = 0)
    {
        ArgumentNullException.ThrowIfNull(part);
        _parts.Add((part, streams));
        return _parts.Count - 1;
    }

    /// <summary>Adds a measure whose terms name part ids; returns its index in the job's results.</summary>
    public int AddMeasure(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        _measures.Add(measure);
        return _measures.Count - 1;
    }

    /// <summary>True when no part was added (nothing to simulate).</summary>
    public bool IsEmpty => _parts.Count == 0;

    /// <summary>The job: merged groups, measures translated to group outputs.</summary>
    public SimulationJob Build(MonteCarloSettings settings, SimulationLimits? limits = null)
    {
        var groups = new List<SimulationGroup>();
        var location = new (int Group, int Offset)[_parts.Count];
        var byKey = new Dictionary<(ulong Streams, object Key), List<int>>();
        var order = new List<List<int>>();
        for (int p = 0; p < _parts.Count; p++)
        {
            var (part, streams) = _parts[p];
            if (part.MergeKey is not { } key) { order.Add([p]); continue; }
            if (!byKey.TryGetValue((streams, key), out var members)) order.Add(byKey[(streams, key)] = members = []);
            members.Add(p);
        }
        foreach (var members in order)
        {
            var parts = members.Select(p => _parts[p].Part).ToArray();
            int offset = 0;
            foreach (int p in members)
            {
                location[p] = (groups.Count, offset);
                offset += _parts[p].Part.Outputs;
            }
            groups.Add(parts[0].Build(parts).WithStreamTag(_parts[members[0]].Streams));
        }
        MeasureTerm Translate(MeasureTerm t) => new(location[t.Group].Group, location[t.Group].Offset + t.Output, t.Weight);
        var measures = _measures.Select(m => m.Renumber(Translate)).ToArray();
        return new SimulationJob(settings, groups, measures, limits);
    }
}
