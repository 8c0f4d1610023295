using System.Collections;
using System.Reflection;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Demo;

namespace Jour.Storage.Tests;

// What one reader does with what the kept reads gave it, the next reader does not see.
public sealed partial class ReadCacheTests
{
    [Fact]
    public void OpenCases_WhatOneReaderChanges_TheNextDoesNotRead()
    {
        using LiteJourStore store = LiteJourStore.InMemory();
        DemoData.Seed(store, _time);
        List<string> before = Stored(store.LoadOpenCases());
        var rows = store.LoadOpenCaseRows().ToList();
        DateTime now = _time.GetUtcNow().UtcDateTime;

        IReadOnlyList<Case> mine = store.LoadOpenCases();
        foreach (Case c in mine)
        {
            c.Number = "ändrat";
            c.Urgency = Urgency.Acute;
            c.Revision += 10;
            c.Verification.Add(new VerificationStep { Outcome = "ändrat" });
            foreach (NeedWindow w in c.Needs)
            {
                w.Confirmed = 99;
                w.Competences.Add("ändrat");
            }

            c.Needs.Add(new NeedWindow { FromUtc = now, ToUtc = now.AddHours(1), Assistants = 5 });
            if (c.CanWithdraw(now))
            {
                c.Withdraw(now, 1, "ändrat");
            }
        }

        Assert.Contains(mine, c => c.State == CaseState.Withdrawn);
        ((IList<Case>)mine).Clear();

        Assert.Equal(before, Stored(store.LoadOpenCases()));
        Assert.Equal(rows, store.LoadOpenCaseRows());
        Assert.Equal(before, Stored(s_openStates.SelectMany(store.LoadCases)));
    }

    [Fact]
    public void Clients_WhatOneReaderChanges_TheNextDoesNotRead()
    {
        using LiteJourStore store = LiteJourStore.InMemory();
        DemoData.Seed(store, _time);
        List<string> before = Stored(store.LoadClients());
        var names = store.LoadClientNames().ToDictionary();

        IReadOnlyList<Client> mine = store.LoadClients();
        foreach (Client c in mine)
        {
            c.Name = "ändrat";
            c.Needs.Add("ändrat");
            c.DelegatedTasks.Add("ändrat");
            c.Representatives.Add(new Representative { Name = "ändrat" });
            foreach (Representative r in c.Representatives)
            {
                r.Phone = "ändrat";
            }
        }

        ((IList<Client>)mine).Clear();

        Assert.Equal(before, Stored(store.LoadClients()));
        Assert.Equal(names, store.LoadClientNames());
    }

    [Fact]
    public void TheSharedReads_AreImmutable_EvenCastBackToACollection()
    {
        using LiteJourStore store = LiteJourStore.InMemory();
        DemoData.Seed(store, _time);
        IReadOnlyDictionary<long, string> names = store.LoadClientNames();
        IReadOnlyList<CaseRow> rows = store.LoadOpenCaseRows();
        long id = names.Keys.First();

        Assert.ThrowsAny<NotSupportedException>(() => ((IDictionary<long, string>)names)[id] = "ändrat");
        Assert.ThrowsAny<NotSupportedException>(() => ((IList<CaseRow>)rows)[0] = rows[1]);
        Assert.ThrowsAny<NotSupportedException>(() => ((IList<CaseRow>)rows).Clear());
        Assert.NotEqual("ändrat", store.LoadClientNames()[id]);
        Assert.NotEmpty(store.LoadOpenCaseRows());
    }

    // Copy() clones member by member: a list or object added to Case or Client later and not copied
    // deeply would be shared between readers. This walks every field, private ones included.
    [Fact]
    public void Copies_ShareNoMutableObject_WithTheOriginal_AndStoreTheSame()
    {
        using LiteJourStore store = LiteJourStore.InMemory();
        DemoData.Seed(store, _time);
        DateTime now = _time.GetUtcNow().UtcDateTime;
        var cases = s_openStates.SelectMany(store.LoadCases).Where(c => c.Needs.Count > 0 && c.Verification.Count > 0).ToList();
        Client represented = store.FindClient(store.LoadClientNames().Keys.First())!;
        represented.Representatives.Add(new Representative { Kind = RepresentativeKind.Trustee, Name = "Eva Lind", PersonalNumber = "194510109996" });
        represented.Needs.Add("lyft");
        Assert.True(store.TryUpdateClient(represented, represented.Revision));
        var clients = store.LoadClients().Where(c => c.Representatives.Count > 0 && c.Needs.Count > 0).ToList();
        Assert.NotEmpty(cases);
        Assert.NotEmpty(clients);

        foreach (Case c in cases)
        {
            _ = c.PermittedTriggers(now); // builds the machine, which the copy must not share
            Case copy = c.Copy();
            AssertNothingShared(c, copy, nameof(Case));
            Assert.Equal(Stored([c]), Stored([copy]));
        }

        foreach (Client c in clients)
        {
            Client copy = c.Copy();
            AssertNothingShared(c, copy, nameof(Client));
            Assert.Equal(Stored([c]), Stored([copy]));
        }
    }

    private static void AssertNothingShared(object original, object copy, string path)
    {
        if (original is string || original.GetType().IsValueType)
        {
            return;
        }

        Assert.False(ReferenceEquals(original, copy), $"{path} is shared between the original and its copy");
        if (original is IEnumerable items)
        {
            var left = items.Cast<object?>().ToList();
            var right = ((IEnumerable)copy).Cast<object?>().ToList();
            Assert.Equal(left.Count, right.Count);
            for (int i = 0; i < left.Count; i++)
            {
                if (left[i] is { } l)
                {
                    AssertNothingShared(l, right[i]!, $"{path}[{i}]");
                }
            }

            return;
        }

        foreach (FieldInfo field in original.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            // A field the copy leaves empty (the case's machine) is built again by the copy when first asked.
            if (field.GetValue(original) is { } value && field.GetValue(copy) is { } copied)
            {
                AssertNothingShared(value, copied, $"{path}.{field.Name}");
            }
        }
    }
}
