using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Meridian.Gateway.Audit;

/// <summary>An entry's detail: a small flat JSON object, built without a serializer (entries are written at order rate).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One per thread for the thread's life; the writer holds only managed memory.")]
internal sealed class AuditDetail
{
    [ThreadStatic]
    private static AuditDetail? t_cached;

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    private AuditDetail() => _writer = new Utf8JsonWriter(_buffer);

    /// <summary>A builder for this thread, emptied, with the object opened.</summary>
    public static AuditDetail Start()
    {
        var detail = t_cached ??= new AuditDetail();
        detail._buffer.ResetWrittenCount();
        detail._writer.Reset(detail._buffer);
        detail._writer.WriteStartObject();
        return detail;
    }

    public AuditDetail Add(string name, string? value)
    {
        if (value is not null)
            _writer.WriteString(name, value);
        return this;
    }

    public AuditDetail Add(string name, decimal value)
    {
        _writer.WriteString(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Closes the object and returns its text.</summary>
    public string End()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
