using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Meridian.Gateway.Telemetry;

/// <summary>
/// Listens to the meters whose names start with one of the given prefixes, aggregates every measurement in memory
/// (counters and up-down counters summed, gauges last value, histograms in explicit buckets) and renders the lot in
/// the Prometheus text exposition format 0.0.4. Recording is lock-free: an interlocked add on the series, found
/// without allocating when a measurement has no tags.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>The content type of <see cref="Render"/>'s text.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Histogram bucket bounds when an instrument advises none: 100 µs to 10 s.</summary>
    public static readonly double[] DefaultBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly string[] _meterPrefixes;
    private readonly ConcurrentDictionary<Instrument, Family> _families = new();

    /// <summary>Starts listening to the meters named with any of <paramref name="meterPrefixes"/> (e.g. "Meridian.").</summary>
    public PrometheusExporter(params string[] meterPrefixes)
    {
        _meterPrefixes = meterPrefixes ?? throw new ArgumentNullException(nameof(meterPrefixes));
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!_meterPrefixes.Any(p => instrument.Meter.Name.StartsWith(p, StringComparison.Ordinal)))
                return;
            var family = _families.GetOrAdd(instrument, i => new Family(i));
            listener.EnableMeasurementEvents(instrument, family);
        };
        _listener.MeasurementsCompleted = (instrument, _) => _families.TryRemove(instrument, out Family? _);
        _listener.SetMeasurementEventCallback<long>((i, value, tags, state) => ((Family)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, state) => ((Family)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, state) => ((Family)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>((i, value, tags, state) => ((Family)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Collects the observable instruments and renders every series.</summary>
    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder(4096);
        foreach (var family in _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
            family.Render(text);
        return text.ToString();
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    /// <summary>A metric name as Prometheus allows it: [a-zA-Z_:][a-zA-Z0-9_:]*.</summary>
    internal static string NameOf(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (!(char.IsAsciiLetter(c) || c == '_' || c == ':' || (i > 0 && char.IsAsciiDigit(c))))
                chars[i] = '_';
        }

        return new string(chars);
    }

    private enum Kind
    {
        Counter,
        Gauge,
        Histogram,
    }

    /// <summary>One instrument: its kind and its series, one per distinct tag set.</summary>
    private sealed class Family
    {
        private readonly Kind _kind;
        private readonly bool _cumulative;
        private readonly string _help;
        private readonly double[] _bounds;
        private readonly Series _untagged;
        private readonly ConcurrentDictionary<string, Series> _tagged = new(StringComparer.Ordinal);

        public Family(Instrument instrument)
        {
            Name = NameOf(instrument.Name);
            _help = (instrument.Description ?? instrument.Name).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
            var type = instrument.GetType();
            var generic = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            (_kind, _cumulative) = generic switch
            {
                _ when generic == typeof(Counter<>) => (Kind.Counter, false),
                _ when generic == typeof(ObservableCounter<>) => (Kind.Counter, true),
                _ when generic == typeof(UpDownCounter<>) => (Kind.Gauge, false),
                _ when generic == typeof(Histogram<>) => (Kind.Histogram, false),
                _ => (Kind.Gauge, true),
            };
            _bounds = AdvisedBuckets(instrument) ?? DefaultBuckets;
            _untagged = new Series("", _kind == Kind.Histogram ? _bounds.Length + 1 : 0);
        }

        public string Name { get; }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var series = tags.IsEmpty ? _untagged : _tagged.GetOrAdd(LabelsOf(tags), static (labels, buckets) => new Series(labels, buckets), _kind == Kind.Histogram ? _bounds.Length + 1 : 0);
            if (!series.Touched)
                series.Touched = true;
            switch (_kind)
            {
                case Kind.Histogram:
                    var bucket = Array.BinarySearch(_bounds, value);
                    Interlocked.Increment(ref series.Buckets[bucket >= 0 ? bucket : ~bucket]);
                    Interlocked.Increment(ref series.Count);
                    Add(ref series.Value, value);
                    break;
                case var _ when _cumulative:
                    Volatile.Write(ref series.Value, value);
                    break;
                default:
                    Add(ref series.Value, value);
                    break;
            }
        }

        public void Render(StringBuilder text)
        {
            var all = _tagged.Values.OrderBy(s => s.Labels, StringComparer.Ordinal).Prepend(_untagged).Where(s => s.Touched).ToList();
            if (all.Count == 0)
                return;
            var type = _kind switch { Kind.Counter => "counter", Kind.Histogram => "histogram", _ => "gauge" };
            text.Append("# HELP ").Append(Name).Append(' ').Append(_help).Append('\n');
            text.Append("# TYPE ").Append(Name).Append(' ').Append(type).Append('\n');
            foreach (var series in all)
            {
                if (_kind != Kind.Histogram)
                {
                    Sample(text, Name, series.Labels, null, Volatile.Read(ref series.Value));
                    continue;
                }

                long cumulative = 0;
                for (var i = 0; i <= _bounds.Length; i++)
                {
                    cumulative += Interlocked.Read(ref series.Buckets[i]);
                    Sample(text, Name + "_bucket", series.Labels, i < _bounds.Length ? Format(_bounds[i]) : "+Inf", cumulative);
                }

                Sample(text, Name + "_sum", series.Labels, null, Volatile.Read(ref series.Value));
                Sample(text, Name + "_count", series.Labels, null, Interlocked.Read(ref series.Count));
            }
        }

        private static void Sample(StringBuilder text, string name, string labels, string? le, double value)
        {
            text.Append(name);
            if (labels.Length > 0 || le is not null)
            {
                text.Append('{').Append(labels);
                if (le is not null)
                    text.Append(labels.Length > 0 ? "," : "").Append("le=\"").Append(le).Append('"');
                text.Append('}');
            }

            text.Append(' ').Append(Format(value)).Append('\n');
        }

        private static double[]? AdvisedBuckets(Instrument instrument) => instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            _ => null,
        };

        private static string LabelsOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var pairs = new KeyValuePair<string, object?>[tags.Length];
            tags.CopyTo(pairs);
            Array.Sort(pairs, (a, b) => string.CompareOrdinal(a.Key, b.Key));
            var text = new StringBuilder();
            foreach (var (key, value) in pairs)
            {
                if (text.Length > 0)
                    text.Append(',');
                text.Append(NameOf(key)).Append("=\"");
                foreach (var c in Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")
                {
                    _ = c switch
                    {
                        '\\' => text.Append("\\\\"),
                        '"' => text.Append("\\\""),
                        '\n' => text.Append("\\n"),
                        _ => text.Append(c),
                    };
                }

                text.Append('"');
            }

            return text.ToString();
        }

        private static void Add(ref double target, double value)
        {
            var current = Volatile.Read(ref target);
            while (true)
            {
                var seen = Interlocked.CompareExchange(ref target, current + value, current);
                if (seen.Equals(current))
                    return;
                current = seen;
            }
        }

        private static string Format(double value) => value switch
        {
            double.PositiveInfinity => "+Inf",
            double.NegativeInfinity => "-Inf",
            double.NaN => "NaN",
            _ => value.ToString("R", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>One series: a value (a sum, or the last observation), and for a histogram its bucket counts and count.</summary>
    private sealed class Series(string labels, int buckets)
    {
        public readonly string Labels = labels;
        public readonly long[] Buckets = new long[buckets];
        public double Value;
        public long Count;
        public volatile bool Touched;
    }
}
