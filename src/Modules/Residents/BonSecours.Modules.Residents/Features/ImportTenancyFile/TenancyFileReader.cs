using System.Text;
using BonSecours.BuildingBlocks.Domain;
using CsvHelper;

namespace BonSecours.Modules.Residents.Features.ImportTenancyFile;

/// <summary>The file as a whole cannot be imported: it is empty, not CSV, or lacks a column.</summary>
internal sealed class InvalidTenancyFileException(string code, LocalizedText detail) : Exception(detail.English)
{
    public string Code { get; } = code;

    public LocalizedText Detail { get; } = detail;
}

/// <summary>One data line of the file: its line number and its cells keyed by column name.</summary>
internal sealed record TenancyFileLine(int LineNumber, IReadOnlyDictionary<string, string> Cells)
{
    public string Cell(string column) => Cells.TryGetValue(column, out var value) ? value : string.Empty;
}

/// <summary>
/// Reads the CSV that French spreadsheet software writes: semicolon-separated, in UTF-8
/// (with or without BOM) or Windows-1252, with a header row of column names in any order
/// and any case.
/// </summary>
internal static class TenancyFileReader
{
    public static readonly IReadOnlyList<string> RequiredColumns =
    [
        TenancyColumns.Reference, TenancyColumns.Flat, TenancyColumns.Floor, TenancyColumns.Rooms,
        TenancyColumns.LastName, TenancyColumns.FirstName, TenancyColumns.BirthDate,
        TenancyColumns.Category, TenancyColumns.MoveInDate,
    ];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TenancyFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<TenancyFileLine> Read(byte[] content)
    {
        var text = Decode(content);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidTenancyFileException("import.empty-file", new LocalizedText(
                "Le fichier est vide. Envoyez le fichier CSV exporté du logiciel de gestion locative.",
                "The file is empty. Send the CSV file exported from the tenancy system."));
        }

        var options = new CsvReaderOptions
        {
            Separator = ';',
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
        };

        var lines = new List<TenancyFileLine>();
        try
        {
            using var csv = CsvReader.FromText(text, options);
            csv.ReadHeader();
            var columns = csv.Headers.Select(NormalizeColumnName).ToArray();
            CheckColumns(columns);

            while (csv.Read())
            {
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var index = 0; index < columns.Length && index < csv.FieldCount; index++)
                {
                    cells[columns[index]] = csv.GetString(index).Trim();
                }

                if (cells.Values.All(string.IsNullOrEmpty))
                {
                    continue;
                }

                lines.Add(new TenancyFileLine(checked((int)csv.LineNumber), cells));
            }
        }
        catch (CsvFormatException malformed)
        {
            throw new InvalidTenancyFileException("import.malformed-file", new LocalizedText(
                "Le fichier n'est pas un fichier CSV lisible. Enregistrez-le au format « CSV (séparateur : point-virgule) » puis réessayez.",
                $"The file is not readable CSV ({malformed.Message}). Save it as semicolon-separated CSV and try again."));
        }

        return lines;
    }

    /// <summary>Decodes as UTF-8 when the bytes are valid UTF-8, otherwise as Windows-1252.</summary>
    public static string Decode(byte[] content)
    {
        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    /// <summary>Turns " Référence bail " into "reference_bail", so headers match whatever their case or accents.</summary>
    private static string NormalizeColumnName(string header) =>
        PersonName.Key(header.Trim().Trim('\uFEFF')).Replace(' ', '_').Replace('-', '_');

    private static void CheckColumns(string[] columns)
    {
        var missing = RequiredColumns.Where(column => !columns.Contains(column)).ToArray();
        if (missing.Length > 0)
        {
            var list = string.Join(", ", missing);
            throw new InvalidTenancyFileException("import.missing-columns", new LocalizedText(
                $"Il manque des colonnes dans la première ligne du fichier : {list}. Les colonnes sont séparées par des points-virgules.",
                $"The first line of the file lacks these columns: {list}. Columns are separated by semicolons."));
        }
    }
}

/// <summary>The column names of the tenancy file, as they appear in its header row.</summary>
internal static class TenancyColumns
{
    public const string Reference = "reference_bail";
    public const string Flat = "logement";
    public const string Floor = "etage";
    public const string Rooms = "pieces";
    public const string LastName = "nom";
    public const string FirstName = "prenom";
    public const string BirthDate = "date_naissance";
    public const string Category = "categorie";
    public const string Phone = "telephone";
    public const string Email = "email";
    public const string MoveInDate = "date_entree";
    public const string MoveOutDate = "date_sortie";
}
