using System.Globalization;
using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Features.ChangePersonalDetails;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.Residents.Features.ImportTenancyFile;

/// <summary>
/// Applies a tenancy file to the caller's residence through the same MediatR commands as the
/// API. Each line is compared with the stored state first and only the differences are sent,
/// so importing the same file twice appends no event the second time.
/// </summary>
internal sealed class TenancyFileImporter(
    IMediator mediator,
    IResidentsStore store,
    IRequestContext context,
    TimeProvider clock,
    ILogger<TenancyFileImporter> logger)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<TenancyImportReport> ImportAsync(byte[] content, CancellationToken cancellationToken)
    {
        var lines = TenancyFileReader.Read(content);
        var tally = new TenancyImportTally { RowsRead = lines.Count };
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var firstLineOfReference = new Dictionary<string, int>(StringComparer.Ordinal);

        // Validation messages of the commands end up in the report, which is always French.
        var callerCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = French;
        try
        {
            foreach (var line in lines)
            {
                var (row, errors) = TenancyRowParser.Parse(line, today);
                if (row is null)
                {
                    tally.Reject(line.LineNumber, errors);
                    continue;
                }

                if (firstLineOfReference.TryGetValue(row.Reference, out var firstLine))
                {
                    tally.Reject(row.LineNumber, [$"la référence du bail « {row.Reference} » figure déjà à la ligne {firstLine}."]);
                    continue;
                }

                firstLineOfReference[row.Reference] = row.LineNumber;
                await ImportRowAsync(row, tally, cancellationToken);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = callerCulture;
        }

        var report = tally.ToReport();
        logger.LogInformation(
            "Tenancy file imported into {Residence}: {Rows} rows, {Flats} flats and {Residents} residents created, {Updated} updated, {MovesIn} moves in, {MovesOut} moves out, {Rejected} rejected",
            context.ResidenceId, report.RowsRead, report.FlatsCreated, report.ResidentsCreated, report.ResidentsUpdated, report.MovesIn, report.MovesOut, report.Rejected);
        return report;
    }

    private async Task ImportRowAsync(TenancyRow row, TenancyImportTally tally, CancellationToken cancellationToken)
    {
        var flatId = Flat.IdFor(context.ResidenceId, row.FlatNumber);
        var residentId = DeterministicGuid.Create(context.ResidenceId, "resident", row.Reference);

        await using var query = store.QuerySession(context.ResidenceId);
        var flat = await query.LoadAsync<FlatOccupancy>(flatId, cancellationToken);
        var profile = await query.LoadAsync<ResidentProfile>(residentId, cancellationToken);
        var details = profile is null ? null : await query.LoadAsync<ResidentPersonalDetails>(residentId, cancellationToken);

        var plan = TenancyRowPlan.For(row, flatId, flat is not null, profile, details);
        if (plan.Rejection is not null)
        {
            tally.Reject(row.LineNumber, [plan.Rejection]);
            return;
        }

        if (!plan.HasChanges)
        {
            tally.Unchanged++;
            return;
        }

        try
        {
            await SendAsync(row, plan, flatId, residentId, tally, cancellationToken);
        }
        catch (ValidationException validation)
        {
            logger.LogWarning(validation, "Tenancy file line {Line} rejected by validation", row.LineNumber);
            tally.Reject(row.LineNumber, validation.Errors.Select(failure => failure.ErrorMessage));
        }
        catch (DomainException rule)
        {
            logger.LogWarning(rule, "Tenancy file line {Line} rejected: {Code}", row.LineNumber, rule.Code);
            tally.Reject(row.LineNumber, [rule.Detail.French]);
        }
    }

    // NOTE: each command commits on its own, so a command that fails after an earlier one of
    // the same line succeeded leaves that earlier change in place. TenancyRowParser and
    // TenancyRowPlan repeat the commands' known checks beforehand to make this rare.
    private async Task SendAsync(TenancyRow row, TenancyRowPlan plan, Guid flatId, Guid residentId, TenancyImportTally tally, CancellationToken cancellationToken)
    {
        if (plan.RegisterFlat)
        {
            await mediator.Send(new RegisterFlat.RegisterFlat(row.FlatNumber, row.Floor, row.Rooms, null, false), cancellationToken);
            tally.FlatsCreated++;
        }

        if (plan.RegisterResident)
        {
            await mediator.Send(new RegisterResident.RegisterResident(row.FirstName, row.LastName, row.BirthDate, row.Category, row.Phone, row.Email, row.Reference), cancellationToken);
            tally.ResidentsCreated++;
        }

        if (plan.ChangeDetails)
        {
            var details = new PersonalDetails(row.FirstName, row.LastName, row.BirthDate, row.Category, row.Phone, row.Email);
            await mediator.Send(new ChangePersonalDetails.ChangePersonalDetails(residentId, details, null), cancellationToken);
            tally.ResidentsUpdated++;
        }

        if (plan.MoveIn)
        {
            await mediator.Send(new MoveResidentIn.MoveResidentIn(residentId, flatId, row.MoveInDate, null), cancellationToken);
            tally.MovesIn++;
        }

        if (plan.MoveOut)
        {
            await mediator.Send(new MoveResidentOut.MoveResidentOut(residentId, row.MoveOutDate!.Value, null), cancellationToken);
            tally.MovesOut++;
        }
    }
}
