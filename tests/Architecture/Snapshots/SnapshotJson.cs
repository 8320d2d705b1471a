using System.Text.Encodings.Web;
using System.Text.Json;

namespace BonSecours.Tests.Architecture.Snapshots;

internal static class SnapshotJson
{
    /// <summary>Indented, with accented letters written as is, so French text reads plainly in review.</summary>
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
