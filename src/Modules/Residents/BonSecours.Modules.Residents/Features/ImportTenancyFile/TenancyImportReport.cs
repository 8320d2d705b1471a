using System.Text;

namespace BonSecours.Modules.Residents.Features.ImportTenancyFile;

/// <summary>A line of the file that was not imported, and why, in French.</summary>
public sealed record RejectedTenancyRow(int Line, string Reason);

/// <summary>What one import of a tenancy file did, line by line and in total.</summary>
public sealed record TenancyImportReport(
    int RowsRead,
    int FlatsCreated,
    int ResidentsCreated,
    int ResidentsUpdated,
    int MovesIn,
    int MovesOut,
    int Unchanged,
    int Rejected,
    IReadOnlyList<RejectedTenancyRow> RejectedRows)
{
    /// <summary>Formats the report in French for the command line.</summary>
    public string ToFrenchText()
    {
        var text = new StringBuilder();
        text.AppendLine($"Lignes lues : {RowsRead}");
        text.AppendLine($"Logements créés : {FlatsCreated}");
        text.AppendLine($"Résidents créés : {ResidentsCreated}");
        text.AppendLine($"Résidents mis à jour : {ResidentsUpdated}");
        text.AppendLine($"Arrivées enregistrées : {MovesIn}");
        text.AppendLine($"Départs enregistrés : {MovesOut}");
        text.AppendLine($"Lignes sans changement : {Unchanged}");
        text.AppendLine($"Lignes rejetées : {Rejected}");
        foreach (var rejected in RejectedRows)
        {
            text.AppendLine($"  {rejected.Reason}");
        }

        return text.ToString();
    }
}

/// <summary>The counters of an import in progress.</summary>
internal sealed class TenancyImportTally
{
    public int RowsRead { get; set; }

    public int FlatsCreated { get; set; }

    public int ResidentsCreated { get; set; }

    public int ResidentsUpdated { get; set; }

    public int MovesIn { get; set; }

    public int MovesOut { get; set; }

    public int Unchanged { get; set; }

    public List<RejectedTenancyRow> RejectedRows { get; } = [];

    public void Reject(int line, IEnumerable<string> reasons) =>
        RejectedRows.Add(new RejectedTenancyRow(line, $"Ligne {line} : {string.Join(" ", reasons)}"));

    public TenancyImportReport ToReport() => new(
        RowsRead, FlatsCreated, ResidentsCreated, ResidentsUpdated, MovesIn, MovesOut, Unchanged, RejectedRows.Count, RejectedRows);
}
