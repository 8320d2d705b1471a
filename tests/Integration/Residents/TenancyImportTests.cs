using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.Residents;

public sealed class TenancyImportTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private const string Header = "reference_bail;logement;etage;pieces;nom;prenom;date_naissance;categorie;telephone;email;date_entree;date_sortie";

    static TenancyImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Windows1252_file_keeps_accents()
    {
        var csv = Csv(
            "W-1;W101;1;2;Lefèvre;Hélène;12/03/1941;Senior;06 12 34 56 78;;01/09/2024;",
            "W-2;W102;1;2;D'Artois;Françoise;05/11/1938;senior;;;01/09/2024;",
            "W-3;W103;1;3;Cœurdevey;Gisèle;18/04/1944;jeune adulte trisomique;;;01/09/2024;");

        var report = await ImportAsync(Encoding.GetEncoding(1252).GetBytes(csv));
        var first = await GetResidentAsync("W-1");
        var second = await GetResidentAsync("W-2");
        var third = await GetResidentAsync("W-3");

        Assert.Equal(3, report.GetProperty("residentsCreated").GetInt32());
        Assert.Equal(3, report.GetProperty("flatsCreated").GetInt32());
        Assert.Equal(3, report.GetProperty("movesIn").GetInt32());
        Assert.Equal("Lefèvre", first.GetProperty("lastName").GetString());
        Assert.Equal("Hélène", first.GetProperty("firstName").GetString());
        Assert.Equal("D'Artois", second.GetProperty("lastName").GetString());
        Assert.Equal("Françoise", second.GetProperty("firstName").GetString());
        Assert.Equal("Cœurdevey", third.GetProperty("lastName").GetString());
        Assert.Equal("youngAdultWithDownSyndrome", third.GetProperty("category").GetString());
        Assert.Equal("living", first.GetProperty("status").GetString());
        Assert.Equal("W101", first.GetProperty("flatNumber").GetString());
    }

    [Fact]
    public async Task Utf8_file_with_bom_keeps_accents()
    {
        var csv = Csv("U-1;U101;1;2;Lefèvre;Hélène;12/03/1941;Senior;;;01/09/2024;");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var report = await ImportAsync(bytes);
        var resident = await GetResidentAsync("U-1");

        Assert.Equal(1, report.GetProperty("residentsCreated").GetInt32());
        Assert.Equal("Lefèvre", resident.GetProperty("lastName").GetString());
        Assert.Equal("Hélène", resident.GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task Decomposed_name_is_stored_composed()
    {
        var decomposed = "Lefe\u0300vre";
        var csv = Csv($"N-1;N101;1;2;{decomposed};He\u0301le\u0300ne;12/03/1941;Sénior;;;01/09/2024;");

        var report = await ImportAsync(Encoding.UTF8.GetBytes(csv));
        var resident = await GetResidentAsync("N-1");

        Assert.Equal(1, report.GetProperty("residentsCreated").GetInt32());
        Assert.Equal("Lefèvre", resident.GetProperty("lastName").GetString());
        Assert.Equal("Hélène", resident.GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task Phone_forms_are_all_read()
    {
        var csv = Csv(
            "P-1;P101;1;2;Martin;Louise;12/03/1941;senior;06 12 34 56 78;;01/09/2024;",
            "P-2;P102;1;2;Martin;Paul;12/03/1942;senior;06.12.34.56.79;;01/09/2024;",
            "P-3;P103;1;2;Martin;Rose;12/03/1943;senior;+33 6 12 34 56 77;;01/09/2024;");

        var report = await ImportAsync(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(0, report.GetProperty("rejected").GetInt32());
        Assert.Equal("06 12 34 56 78", (await GetResidentAsync("P-1")).GetProperty("phone").GetString());
        Assert.Equal("06 12 34 56 79", (await GetResidentAsync("P-2")).GetProperty("phone").GetString());
        Assert.Equal("06 12 34 56 77", (await GetResidentAsync("P-3")).GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Reimport_changes_nothing()
    {
        var csv = Encoding.UTF8.GetBytes(Csv(
            "R-1;R101;1;2;Lefèvre;Hélène;12/03/1941;senior;06 12 34 56 78;helene@example.fr;01/09/2024;",
            "R-2;R102;1;2;Durand;Marc;12/03/1960;autre locataire;;;01/09/2024;31/03/2025"));
        await ImportAsync(csv);
        var historyBefore = await GetHistoryAsync("R-1");
        var departedBefore = await GetHistoryAsync("R-2");

        var report = await ImportAsync(csv);
        var historyAfter = await GetHistoryAsync("R-1");
        var departedAfter = await GetHistoryAsync("R-2");

        Assert.Equal(2, report.GetProperty("rowsRead").GetInt32());
        Assert.Equal(2, report.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, report.GetProperty("flatsCreated").GetInt32());
        Assert.Equal(0, report.GetProperty("residentsCreated").GetInt32());
        Assert.Equal(0, report.GetProperty("residentsUpdated").GetInt32());
        Assert.Equal(0, report.GetProperty("movesIn").GetInt32());
        Assert.Equal(0, report.GetProperty("movesOut").GetInt32());
        Assert.Equal(historyBefore.GetArrayLength(), historyAfter.GetArrayLength());
        Assert.Equal(departedBefore.GetArrayLength(), departedAfter.GetArrayLength());
        Assert.Equal(3, departedAfter.GetArrayLength());
    }

    [Fact]
    public async Task Changed_phone_updates_one_resident()
    {
        await ImportAsync(Encoding.UTF8.GetBytes(Csv(
            "C-1;C101;1;2;Petit;Jeanne;12/03/1941;senior;06 12 34 56 78;;01/09/2024;",
            "C-2;C102;1;2;Petit;Jules;12/03/1940;senior;06 12 34 56 79;;01/09/2024;")));
        var otherBefore = await GetHistoryAsync("C-2");

        var report = await ImportAsync(Encoding.UTF8.GetBytes(Csv(
            "C-1;C101;1;2;Petit;Jeanne;12/03/1941;senior;06 98 76 54 32;;01/09/2024;",
            "C-2;C102;1;2;Petit;Jules;12/03/1940;senior;06 12 34 56 79;;01/09/2024;")));
        var changed = await GetResidentAsync("C-1");
        var otherAfter = await GetHistoryAsync("C-2");

        Assert.Equal(1, report.GetProperty("residentsUpdated").GetInt32());
        Assert.Equal(1, report.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, report.GetProperty("movesIn").GetInt32());
        Assert.Equal("06 98 76 54 32", changed.GetProperty("phone").GetString());
        Assert.Equal(otherBefore.GetArrayLength(), otherAfter.GetArrayLength());
    }

    [Fact]
    public async Task Bad_rows_are_reported_in_french()
    {
        var csv = Csv(
            "B-1;B101;1;2;Roux;Anne;12/03/1941;senior;;;01/09/2024;",
            "B-2;B102;1;2;Roux;Marie;31/02/1950;senior;;;01/09/2024;",
            "B-3;B103;1;2;Roux;Luc;12/03/1941;senior;06 12 34;;01/09/2024;",
            "B-4;B104;1;2;Roux;Lise;12/03/1941;retraité;;;01/09/2024;");

        var report = await ImportAsync(Encoding.UTF8.GetBytes(csv));
        var rejected = report.GetProperty("rejectedRows").EnumerateArray().ToList();
        var history = await host.ClientFor(Roles.Auditor).GetAsync($"/api/v1/residents/{ResidentId("B-2")}/history");

        Assert.Equal(1, report.GetProperty("residentsCreated").GetInt32());
        Assert.Equal(3, report.GetProperty("rejected").GetInt32());
        Assert.Equal(3, rejected[0].GetProperty("line").GetInt32());
        Assert.Equal("Ligne 3 : la date de naissance « 31/02/1950 » n'est pas une date valide (jj/mm/aaaa).", rejected[0].GetProperty("reason").GetString());
        Assert.Equal(4, rejected[1].GetProperty("line").GetInt32());
        Assert.Contains("numéro de téléphone « 06 12 34 » n'est pas valide", rejected[1].GetProperty("reason").GetString());
        Assert.Equal(5, rejected[2].GetProperty("line").GetInt32());
        Assert.Contains("catégorie « retraité » est inconnue", rejected[2].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
    }

    [Fact]
    public async Task Sample_file_imports_with_two_rejections()
    {
        var sample = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot(), "docs", "samples", "locataires-exemple.csv"));

        var report = await ImportAsync(sample);
        var hélène = await GetResidentAsync("BS-1001");

        Assert.Equal(7, report.GetProperty("rowsRead").GetInt32());
        Assert.Equal(2, report.GetProperty("rejected").GetInt32());
        Assert.Equal(5, report.GetProperty("residentsCreated").GetInt32());
        Assert.Equal(1, report.GetProperty("movesOut").GetInt32());
        Assert.Equal("Hélène", hélène.GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task Care_staff_gets_403()
    {
        using var content = CsvContent(Encoding.UTF8.GetBytes(Csv("F-1;F101;1;2;Roux;Anne;12/03/1941;senior;;;01/09/2024;")));

        var response = await host.ClientFor(Roles.CareStaff).PostAsync("/api/v1/imports/tenancy-file", content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Empty_body_gets_french_400()
    {
        using var content = CsvContent([]);

        var response = await host.ClientFor(Roles.Administrator).PostAsync("/api/v1/imports/tenancy-file", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("import.empty-file", problem.GetProperty("code").GetString());
        Assert.StartsWith("Le fichier est vide.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_column_gets_french_400()
    {
        using var content = CsvContent(Encoding.UTF8.GetBytes("reference_bail;logement\r\nM-1;M101\r\n"));

        var response = await host.ClientFor(Roles.Administrator).PostAsync("/api/v1/imports/tenancy-file", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Il manque des colonnes", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task File_over_5_mb_gets_413()
    {
        using var content = CsvContent(new byte[(5 * 1024 * 1024) + 1]);

        var response = await host.ClientFor(Roles.Administrator).PostAsync("/api/v1/imports/tenancy-file", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static string Csv(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    private static ByteArrayContent CsvContent(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static Guid ResidentId(string reference) => DeterministicGuid.Create(BonSecoursHost.ResidenceA, "resident", reference);

    private async Task<JsonElement> ImportAsync(byte[] bytes)
    {
        using var content = CsvContent(bytes);
        var response = await host.ClientFor(Roles.ActivityCoordinator).PostAsync("/api/v1/imports/tenancy-file", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<JsonElement> GetResidentAsync(string reference) =>
        host.ClientFor(Roles.Administrator).GetFromJsonAsync<JsonElement>($"/api/v1/residents/{ResidentId(reference)}");

    private Task<JsonElement> GetHistoryAsync(string reference) =>
        host.ClientFor(Roles.Auditor).GetFromJsonAsync<JsonElement>($"/api/v1/residents/{ResidentId(reference)}/history");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BonSecours.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("BonSecours.sln not found above the test output folder.");
    }
}
