using System.Net.Http.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Residents;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.CareFollowUp;

public sealed class ResidentCareFileTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    [Fact]
    public async Task Move_in_and_consent_reach_care_file()
    {
        var admin = host.ClientFor(Roles.Administrator);
        var residentId = await admin.RegisterResidentAsync();
        var flatId = await admin.RegisterFlatAsync("C204");
        var caregiverId = await admin.RegisterCaregiverAsync();

        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            {
                await admin.MoveInAsync(residentId, flatId);
                await admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/caregivers", new { caregiverId, consentMethod = "signedForm" });
            }));
        var file = await LoadFileAsync(residentId);

        Assert.True(file.LivesHere);
        Assert.Equal("C204", file.FlatNumber);
        Assert.Contains(caregiverId, file.ConsentedCaregiverIds);
    }

    [Fact]
    public async Task Registration_and_move_in_together()
    {
        var admin = host.ClientFor(Roles.Administrator);
        var flats = new List<Guid>();
        for (var index = 0; index < 8; index++)
        {
            flats.Add(await admin.RegisterFlatAsync());
        }

        var residents = new List<Guid>();
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            {
                foreach (var flatId in flats)
                {
                    var residentId = await admin.RegisterResidentAsync();
                    await admin.MoveInAsync(residentId, flatId);
                    residents.Add(residentId);
                }
            }));

        foreach (var residentId in residents)
        {
            var file = await LoadFileAsync(residentId);
            Assert.True(file.LivesHere, $"Care file of {residentId} lost the move-in");
            Assert.Equal("Senior", file.Category);
        }
    }

    [Fact]
    public async Task Withdrawn_consent_leaves_care_file()
    {
        var admin = host.ClientFor(Roles.Administrator);
        var residentId = await admin.RegisterResidentAsync();
        var caregiverId = await admin.RegisterCaregiverAsync();
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ =>
                admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/caregivers", new { caregiverId, consentMethod = "inPerson" })));

        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ =>
                admin.DeleteAsync($"/api/v1/residents/{residentId}/caregivers/{caregiverId}")));
        var file = await LoadFileAsync(residentId);

        Assert.DoesNotContain(caregiverId, file.ConsentedCaregiverIds);
    }

    private async Task<ResidentCareFile> LoadFileAsync(Guid residentId)
    {
        await using var session = host.Services.GetRequiredService<ICareFollowUpStore>().QuerySession(BonSecoursHost.ResidenceA);
        return await session.LoadAsync<ResidentCareFile>(residentId) ?? throw new Xunit.Sdk.XunitException($"No care file for {residentId}");
    }
}
