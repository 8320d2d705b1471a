using BonSecours.BuildingBlocks.Security;
using Microsoft.Extensions.DependencyInjection;

namespace BonSecours.Modules.Residents.Features.ImportTenancyFile;

/// <summary>The entry point for importing a tenancy file outside an HTTP request, such as from the command line.</summary>
public static class TenancyImport
{
    /// <summary>
    /// Imports a tenancy file into a residence as the system account <paramref name="userId"/>
    /// acting as an administrator.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is empty, is not CSV or lacks a column; the message is French.</exception>
    public static async Task<TenancyImportReport> ImportAsync(
        IServiceProvider services, string residenceId, string userId, byte[] content, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedRequestContext>()
            .Use(new SystemRequestContext(userId, Roles.Administrator, residenceId, $"{userId}-{Guid.NewGuid():N}"));
        var importer = scope.ServiceProvider.GetRequiredService<TenancyFileImporter>();
        try
        {
            return await importer.ImportAsync(content, cancellationToken);
        }
        catch (InvalidTenancyFileException invalid)
        {
            throw new InvalidDataException(invalid.Detail.French, invalid);
        }
    }
}
