package app.kith.schedule;

import static app.kith.schedule.Fixture.local;
import static org.assertj.core.api.Assertions.assertThat;

import app.kith.schedule.Fixture.Attendee;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reminder rules of PRODUCT.md, with a fixed clock in Europe/Amsterdam (UTC+1 in early March 2025). */
class SweepTest {

  @TempDir Path home;
  Fixture f;

  Fixture at(String localTime) {
    f = new Fixture(home, local(localTime));
    return f;
  }

  @AfterEach
  void close() {
    if (f != null) {
      f.close();
    }
  }

  // Friday 2025-02-28; "next Tuesday" is 2025-03-04
  @Test
  void anInvitationForNextTuesdayProducesABriefDueMonday1800() {
    at("2025-02-28T12:00");
    f.event("meetup-1", "Product meetup", local("2025-03-04T19:00"), local("2025-03-04T21:00"), true, "host@x.org", List.of());
    SweepResult r = f.sweep();
    assertThat(r.created()).isEqualTo(1);
    var rows = f.reminders();
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.kind()).isEqualTo("prepare");
      assertThat(row.dueAt()).isEqualTo(Instant.parse("2025-03-03T17:00:00Z")); // Monday 18:00 +01:00
      assertThat(row.status()).isEqualTo("due");
      assertThat(row.title()).isEqualTo("Prepare for Product meetup");
      assertThat(row.key()).isEqualTo("prepare:meetup-1:");
    });
  }

  @Test
  void noBriefForRecurringOrForeignOrFarEventsAndOneAtOnceWhenTheEveningHasPassed() {
    at("2025-03-03T19:30"); // Monday evening, past 18:00
    f.event("standup", "20250304T090000Z", "Stand-up", local("2025-03-04T09:00"), local("2025-03-04T09:15"), true, true,
        "me@example.com", List.of());
    f.event("not-mine", "Their party", local("2025-03-04T20:00"), local("2025-03-04T23:00"), false, "x@y.org", List.of());
    f.event("far", "Conference", local("2025-04-20T09:00"), local("2025-04-20T17:00"), true, "x@y.org", List.of());
    f.event("tomorrow", "Breakfast", local("2025-03-04T08:00"), local("2025-03-04T09:00"), true, "x@y.org", List.of());
    f.sweep();
    assertThat(f.reminders()).singleElement().satisfies(row -> {
      assertThat(row.key()).isEqualTo("prepare:tomorrow:");
      assertThat(row.dueAt()).isEqualTo(local("2025-03-03T19:30")); // due at once
    });
    // and a second pass at a later minute leaves it where it is
    f.clock.set(local("2025-03-03T19:31"));
    assertThat(f.sweep()).isEqualTo(new SweepResult(0, 0, 0, 0));
    assertThat(f.reminders().get(0).dueAt()).isEqualTo(local("2025-03-03T19:30"));
  }

  @Test
  void aCancelledEventWithdrawsItsBrief() {
    at("2025-02-28T12:00");
    f.event("e1", "Dinner", local("2025-03-04T19:00"), local("2025-03-04T21:00"), true, "host@x.org", List.of());
    f.sweep();
    f.sql("UPDATE occurrence SET cancelled = TRUE WHERE uid = 'e1'");
    SweepResult r = f.sweep();
    assertThat(r.withdrawn()).isEqualTo(1);
    assertThat(f.reminders()).singleElement().extracting(Fixture.Row::status).isEqualTo("withdrawn");
    // the cancellation is itself cancelled: the brief comes back, due as before
    f.sql("UPDATE occurrence SET cancelled = FALSE WHERE uid = 'e1'");
    assertThat(f.sweep().moved()).isEqualTo(1);
    assertThat(f.reminders()).singleElement().satisfies(row -> {
      assertThat(row.status()).isEqualTo("due");
      assertThat(row.dueAt()).isEqualTo(local("2025-03-03T18:00"));
    });
    f.sql("UPDATE calendar_event SET status = 'CANCELLED' WHERE uid = 'e1'");
    assertThat(f.sweep().withdrawn()).isEqualTo(1);
    // an event that disappears altogether also withdraws its brief
    f.event("e2", "Lunch", local("2025-03-05T12:00"), local("2025-03-05T13:00"), true, "host@x.org", List.of());
    f.sweep();
    f.sql("DELETE FROM calendar_event WHERE uid = 'e2'");
    assertThat(f.sweep().withdrawn()).isEqualTo(1);
    assertThat(f.reminders("status = 'due'")).isEmpty();
  }

  @Test
  void aMovedEventMovesItsBriefAndItIsAnnouncedAgain() {
    at("2025-02-28T12:00");
    f.event("e1", "Dinner", local("2025-03-04T19:00"), local("2025-03-04T21:00"), true, "host@x.org", List.of());
    f.sweep();
    f.sql("UPDATE reminder SET notified_at = ?", local("2025-02-28T12:00")); // as if notify had announced it
    f.sql("UPDATE occurrence SET start_at = ?, end_at = ? WHERE uid = 'e1'",
        local("2025-03-06T19:00"), local("2025-03-06T21:00"));
    SweepResult r = f.sweep();
    assertThat(r.moved()).isEqualTo(1);
    assertThat(r.created()).isZero();
    assertThat(f.reminders()).singleElement().satisfies(row -> {
      assertThat(row.dueAt()).isEqualTo(local("2025-03-05T18:00"));
      assertThat(row.notifiedAt()).isNull();
      assertThat(row.status()).isEqualTo("due");
    });
    // moved far away, beyond the look-ahead: the brief follows
    f.sql("UPDATE occurrence SET start_at = ?, end_at = ? WHERE uid = 'e1'",
        local("2025-05-06T19:00"), local("2025-05-06T21:00"));
    assertThat(f.sweep().moved()).isEqualTo(1);
    assertThat(f.reminders().get(0).dueAt()).isEqualTo(local("2025-05-05T18:00"));
  }

  @Test
  void aBriefIsClosedOnceItsEventHasEnded() {
    at("2025-03-04T10:00");
    f.event("e1", "Workshop", local("2025-03-04T14:00"), local("2025-03-04T16:00"), true, "host@x.org", List.of());
    f.sweep();
    f.clock.set(local("2025-03-04T16:01"));
    assertThat(f.sweep().closed()).isEqualTo(1);
    assertThat(f.reminders("kind = 'prepare'")).singleElement().extracting(Fixture.Row::status).isEqualTo("done");
  }

  @Test
  void theMeetingEndingProducesFollowUpsForTheNewlyMetDueNextMorningAndNoneForAStandUp() {
    at("2025-03-04T09:00");
    long ana = f.contact("Ana Lima", "ana@lima.dev", null, local("2025-03-04T08:00"));
    long bob = f.contact("Bob Known", "bob@known.org", null, local("2025-01-01T08:00"));
    long carl = f.contact("Carl Decliner", "carl@x.org", null, local("2025-03-04T08:00"));
    f.contact("Eve Unlinked", "eve@x.org", null, local("2025-03-04T08:00"));
    f.interaction(bob, local("2025-01-15T10:00"), "meeting");
    f.event("meet-1", "Founders breakfast", local("2025-03-04T10:00"), local("2025-03-04T11:00"), true, "me@example.com",
        List.of(
            Attendee.of("me@example.com", "Me", null),
            Attendee.of("ME@work.example", "Me again", null),
            Attendee.of("ana@lima.dev", "Ana Lima", ana),
            Attendee.of("bob@known.org", "Bob Known", bob),
            new Attendee("carl@x.org", "Carl", "DECLINED", "INDIVIDUAL", carl),
            new Attendee("room1@x.org", "Room 1", "ACCEPTED", "ROOM", null),
            new Attendee("beamer@x.org", "Beamer", "ACCEPTED", "RESOURCE", null),
            Attendee.of("eve@x.org", "Eve", null), // contact matched by email
            Attendee.of("dan@new.io", "Dan New", null))); // no contact at all
    long standup = f.event("standup", "20250304T100000Z", "Weekly stand-up", local("2025-03-04T10:00"),
        local("2025-03-04T10:15"), true, true, "me@example.com", List.of(Attendee.of("zoe@x.org", "Zoe", null)));
    f.occurrence(standup, "standup", "20250311T100000Z", local("2025-03-11T10:00"), local("2025-03-11T10:15"));

    f.clock.set(local("2025-03-04T10:30")); // during: nothing yet
    f.sweep();
    assertThat(f.reminders("kind = 'follow-up'")).isEmpty();

    f.clock.set(local("2025-03-04T11:05"));
    SweepResult r = f.sweep();
    var rows = f.reminders("kind = 'follow-up'");
    assertThat(rows).extracting(Fixture.Row::title)
        .containsExactlyInAnyOrder(
            "Follow up with Ana Lima (met at Founders breakfast)",
            "Follow up with Eve (met at Founders breakfast)",
            "Follow up with Dan New (met at Founders breakfast)");
    assertThat(rows).allSatisfy(row -> assertThat(row.dueAt()).isEqualTo(local("2025-03-05T08:00")));
    assertThat(rows).extracting(Fixture.Row::contactId).containsExactlyInAnyOrder(ana, ana + 3, null);
    assertThat(r.created()).isEqualTo(3);
    assertThat(f.reminders("event_uid = 'standup'")).isEmpty();

    // a follow-up closes by itself when an interaction with that person is recorded after the event
    f.clock.set(local("2025-03-04T15:00"));
    f.interaction(ana, local("2025-03-04T14:55"), "email");
    assertThat(f.sweep().closed()).isEqualTo(1);
    assertThat(f.reminders("kind = 'follow-up' AND contact_id = ?", ana))
        .singleElement().extracting(Fixture.Row::status).isEqualTo("done");
    assertThat(f.reminders("kind = 'follow-up' AND status = 'due'")).hasSize(2);
  }

  @Test
  void anEventWithoutAttendeesGetsOneFollowUpWithoutAContact() {
    at("2025-03-04T18:00");
    // a public event in my own calendar: an organizer address, no attendee list
    f.event("solo", "Meetup at the library", local("2025-03-04T16:00"), local("2025-03-04T17:30"), true,
        "noreply@meetup.example", List.of());
    // only me and a room on the list: nobody to follow up with by name either
    f.event("me-and-room", "Focus session", local("2025-03-04T14:00"), local("2025-03-04T15:00"), true, "me@example.com",
        List.of(Attendee.of("me@example.com", "Me", null), new Attendee("room@x.org", "Room", "ACCEPTED", "ROOM", null)));
    f.sweep();
    assertThat(f.reminders("kind = 'follow-up' AND event_uid = 'me-and-room'")).singleElement()
        .extracting(Fixture.Row::title).isEqualTo("Who did you meet at Focus session? Log them");
    assertThat(f.reminders("kind = 'follow-up' AND event_uid = 'solo'")).singleElement().satisfies(row -> {
      assertThat(row.contactId()).isNull();
      assertThat(row.title()).isEqualTo("Who did you meet at Meetup at the library? Log them");
      assertThat(row.dueAt()).isEqualTo(local("2025-03-05T08:00"));
    });
  }

  @Test
  void aContactWithA30DayCadenceComesDueAndIsResetByALoggedEmail() {
    at("2025-01-01T12:00");
    long ana = f.contact("Ana Lima", "ana@lima.dev", "P30D", local("2024-12-01T12:00"));
    f.interaction(ana, local("2025-01-01T12:00"), "meeting");
    // due at the first digest time at or after L + 30 days: 2025-01-31 12:00 -> 2025-02-01 08:00
    f.clock.set(local("2025-02-01T07:59"));
    assertThat(f.sweep().created()).isZero();
    f.clock.set(local("2025-02-01T08:00"));
    assertThat(f.sweep().created()).isEqualTo(1);
    assertThat(f.reminders()).singleElement().satisfies(row -> {
      assertThat(row.kind()).isEqualTo("keep-in-touch");
      assertThat(row.dueAt()).isEqualTo(local("2025-02-01T08:00"));
      assertThat(row.title()).isEqualTo("Keep in touch with Ana Lima");
      assertThat(row.contactId()).isEqualTo(ana);
    });
    f.clock.set(local("2025-02-01T10:00"));
    f.interaction(ana, local("2025-02-01T09:30"), "email");
    assertThat(f.sweep().closed()).isEqualTo(1);
    assertThat(f.reminders().get(0).status()).isEqualTo("done");
    // the next one comes one cadence after the email: 2025-03-03 09:30 -> the next digest, 03-04 08:00
    f.clock.set(local("2025-03-04T07:59"));
    assertThat(f.sweep().created()).isZero();
    f.clock.set(local("2025-03-04T08:00"));
    assertThat(f.sweep().created()).isEqualTo(1);
  }

  @Test
  void contactsWithoutACadenceNeverComeDue() {
    at("2025-01-01T12:00");
    for (int i = 0; i < 20; i++) {
      f.contact("Imported " + i, "i" + i + "@x.org", null, local("2020-01-01T12:00"));
    }
    f.clock.set(local("2025-06-01T12:00"));
    f.sweep();
    assertThat(f.reminders()).isEmpty();
  }

  @Test
  void theBudgetHoldsBackTheSixthKeepInTouchOfAWeekAndReleasesItTheNextWeek() {
    at("2025-01-01T12:00");
    long[] ids = new long[7];
    f.clock.set(local("2025-02-21T12:00"));
    for (int i = 0; i < 7; i++) {
      ids[i] = f.contact("Friend " + i, "f" + i + "@x.org", "P14D", local("2025-01-01T12:00"));
      // last interactions spread so that friend 6 is the most overdue, friend 0 the least
      f.interaction(ids[i], local("2025-02-20T12:00").minusSeconds(86_400L * i), "call");
    }
    f.clock.set(local("2025-03-12T09:00")); // Wednesday, everyone is due
    SweepResult r = f.sweep();
    assertThat(r.created()).isEqualTo(5);
    var rows = f.reminders("kind = 'keep-in-touch'");
    assertThat(rows).extracting(Fixture.Row::contactId).containsExactlyInAnyOrder(ids[6], ids[5], ids[4], ids[3], ids[2]);
    assertThat(rows).extracting(Fixture.Row::budgetWeek).containsOnly("2025-W11");
    // later the same week: still held back, also after one is done
    f.clock.set(local("2025-03-16T20:00"));
    new ReminderActions(f.kith).done(rows.get(0).id());
    assertThat(f.sweep().created()).isZero();
    // next week: the two waiting ones come, on Monday's digest
    f.clock.set(local("2025-03-17T00:01"));
    assertThat(f.sweep().created()).isEqualTo(2);
    var next = f.reminders("budget_week = '2025-W12'");
    assertThat(next).extracting(Fixture.Row::contactId).containsExactlyInAnyOrder(ids[1], ids[0]);
    assertThat(next).allSatisfy(row -> assertThat(row.dueAt()).isEqualTo(local("2025-03-17T08:00")));
  }

  @Test
  void doneOnAKeepInTouchRecordsThatIReachedOutAndTheNextIsOneCadenceLater() {
    at("2025-01-01T12:00");
    long ana = f.contact("Ana Lima", "ana@lima.dev", "P14D", local("2025-01-01T12:00"));
    f.clock.set(local("2025-01-20T09:00"));
    f.sweep();
    long id = f.reminders().get(0).id();
    new ReminderActions(f.kith).done(id);
    new ReminderActions(f.kith).done(id); // twice is once
    assertThat(f.reminders().get(0).status()).isEqualTo("done");
    Integer interactions = f.kith.database().inTransaction(c -> {
      try (var ps = c.prepareStatement("SELECT COUNT(*) FROM interaction WHERE contact_id = ? AND kind = 'message'")) {
        ps.setLong(1, ana);
        try (var rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
    assertThat(interactions).isEqualTo(1);
    // reached out 2025-01-20 09:00 + 14 days -> the next digest time, 02-04 08:00
    f.clock.set(local("2025-02-04T07:59"));
    assertThat(f.sweep().created()).isZero();
    f.clock.set(local("2025-02-04T08:00"));
    assertThat(f.sweep().created()).isEqualTo(1);
  }

  @Test
  void removingACadenceWithdrawsTheReminderAndSettingItAgainBringsItBack() {
    at("2025-01-01T12:00");
    long ana = f.contact("Ana Lima", "ana@lima.dev", "P14D", local("2025-01-01T12:00"));
    f.clock.set(local("2025-01-20T09:00"));
    assertThat(f.sweep().created()).isEqualTo(1);
    setCadence(ana, null);
    assertThat(f.sweep().withdrawn()).isEqualTo(1);
    assertThat(f.reminders("status = 'due'")).isEmpty();
    setCadence(ana, "P14D"); // the same cycle as before
    assertThat(f.sweep().created()).isEqualTo(1);
    assertThat(f.reminders()).extracting(Fixture.Row::status).containsExactly("withdrawn", "due");
    assertThat(f.sweep()).isEqualTo(new SweepResult(0, 0, 0, 0));
  }

  void setCadence(long contactId, String cadence) {
    f.kith.database().inTransaction(c -> {
      try (var ps = c.prepareStatement("UPDATE contact SET cadence = ? WHERE id = ?")) {
        ps.setString(1, cadence);
        ps.setLong(2, contactId);
        ps.executeUpdate();
      }
      new app.kith.contacts.Interactions(new app.kith.contacts.Cadence(f.kith.config())).refresh(c, contactId, f.clock.instant());
      return null;
    });
  }

  @Test
  void aSnoozedReminderComesBackWhenItsTimeComesAndIsAnnouncedAgain() {
    at("2025-01-01T12:00");
    f.contact("Ana Lima", "ana@lima.dev", "P14D", local("2025-01-01T12:00"));
    f.clock.set(local("2025-01-20T09:00"));
    f.sweep();
    long id = f.reminders().get(0).id();
    f.sql("UPDATE reminder SET notified_at = ?", local("2025-01-20T09:00"));
    new ReminderActions(f.kith).snooze(id, local("2025-01-22T09:00"));
    f.clock.set(local("2025-01-22T08:59"));
    f.sweep();
    assertThat(f.reminders().get(0).status()).isEqualTo("snoozed");
    f.clock.set(local("2025-01-22T09:00"));
    f.sweep();
    assertThat(f.reminders()).singleElement().satisfies(row -> {
      assertThat(row.status()).isEqualTo("due");
      assertThat(row.notifiedAt()).isNull();
      assertThat(row.dueAt()).isEqualTo(local("2025-01-22T09:00"));
    });
  }

  @Test
  void unknownIdsAreAClearSentence() {
    at("2025-01-01T12:00");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReminderActions(f.kith).done(4711))
        .hasMessage("there is no reminder 4711 (see `kith due` or `kith agenda` for the ids)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReminderActions(f.kith).snooze(4711, local("2025-02-01T00:00")))
        .hasMessageStartingWith("there is no reminder 4711");
  }

  @Test
  void sweepingTwiceOrConcurrentlyCreatesNoDuplicates() throws Exception {
    at("2025-01-01T12:00");
    for (int i = 0; i < 30; i++) {
      f.contact("Friend " + i, "f" + i + "@x.org", "P7D", local("2025-01-01T12:00"));
    }
    f.event("e1", "Dinner", local("2025-01-20T19:00"), local("2025-01-20T21:00"), true, "host@x.org", List.of());
    f.event("e2", "Lunch", local("2025-01-19T12:00"), local("2025-01-19T13:00"), true, "host@x.org",
        List.of(Attendee.of("new@x.org", "New Person", null)));
    f.close();
    f = new Fixture(home, local("2025-01-19T14:00"), Map.of("kith.budget.per-week", "100"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<SweepResult> task = () -> new Sweep(f.kith).run(f.clock.instant());
      List<Future<SweepResult>> runs = pool.invokeAll(List.of(task, task, task, task));
      int created = 0;
      for (Future<SweepResult> run : runs) {
        created += run.get().created();
      }
      assertThat(created).isEqualTo(32); // 30 keep-in-touch, 1 brief, 1 follow-up
    } finally {
      pool.shutdownNow();
    }
    assertThat(f.sweep()).isEqualTo(new SweepResult(0, 0, 0, 0));
    assertThat(f.reminders()).hasSize(32);
  }
}
