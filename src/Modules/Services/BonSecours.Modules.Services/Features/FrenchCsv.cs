using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace BonSecours.Modules.Services.Features;

/// <summary>
/// CSV as French spreadsheet software opens it without an import dialog: semicolons between
/// fields, a comma before decimals, dates as dd/MM/yyyy, UTF-8 with a byte order mark.
/// </summary>
internal static class FrenchCsv
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Amount(decimal value) => value.ToString("0.00", French);

    public static string Date(DateOnly value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Line(params string?[] fields) => string.Join(';', fields.Select(Quote));

    public static IResult File(IEnumerable<string> lines, string fileName)
    {
        var text = string.Join("\r\n", lines) + "\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", fileName);
    }

    /// <summary>Tells whether the client asked for CSV with ?format=csv or Accept: text/csv.</summary>
    public static bool IsRequested(HttpRequest request, string? format) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.Any(accept => accept?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);

    private static string Quote(string? field)
    {
        var value = field ?? string.Empty;
        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
