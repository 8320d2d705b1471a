using BonSecours.Modules.Residents.Features.ImportTenancyFile;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BonSecours.Host.Commands;

public sealed class ImportTenantsInput : NetCoreInput
{
    [Description("CSV file exported from the tenancy system (semicolon-separated, UTF-8 or Windows-1252)")]
    public string File { get; set; } = string.Empty;

    [Description("Residence (tenant id) that receives the flats and residents, such as arras-bon-secours")]
    public string ResidenceFlag { get; set; } = string.Empty;
}

/// <summary>
/// Imports a tenancy file into a residence from the command line, inside the fully started
/// Host so the import runs the same validators, events and messaging as the API. Prints the
/// French report. The exit code is 0 when the file could be read, even if some lines were
/// rejected.
/// </summary>
[Description("Imports flats and residents from the landlord's tenancy CSV file", Name = "import-tenants")]
public sealed class ImportTenantsCommand : JasperFxAsyncCommand<ImportTenantsInput>
{
    public override async Task<bool> Execute(ImportTenantsInput input)
    {
        if (string.IsNullOrWhiteSpace(input.ResidenceFlag))
        {
            Console.Error.WriteLine("Missing --residence: the residence (tenant id) to import into.");
            return false;
        }

        if (!System.IO.File.Exists(input.File))
        {
            Console.Error.WriteLine($"File not found: '{input.File}'. Give the path of the CSV file to import.");
            return false;
        }

        var content = await System.IO.File.ReadAllBytesAsync(input.File);
        using var host = input.BuildHost();

        // The web server starts with the Host. A free port on 127.0.0.1 keeps it from clashing
        // with a running Host and from listening beyond this machine.
        host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Add("http://127.0.0.1:0");
        await host.StartAsync();
        try
        {
            var report = await TenancyImport.ImportAsync(host.Services, input.ResidenceFlag, "import-cli", content, CancellationToken.None);
            Console.WriteLine(report.ToFrenchText());
            return true;
        }
        catch (InvalidDataException invalid)
        {
            Console.Error.WriteLine(invalid.Message);
            return false;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
