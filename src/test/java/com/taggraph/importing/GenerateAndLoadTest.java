package com.taggraph.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.taggraph.ApiTest;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;
import com.taggraph.customer.BulkImportClient;
import com.taggraph.customer.CustomersBulkChanged;

/**
 * The {@code generate} command writes customer and assignment files consistent with the
 * library, which import cleanly; the {@code load} command keeps the import contract and
 * its exit status says how it went.
 */
@TagGraphTest
@RecordApplicationEvents
class GenerateAndLoadTest extends ApiTest {

	@Autowired
	ImportCommands commands;

	@Autowired
	ApplicationEvents events;

	@TempDir
	Path dir;

	BulkImportClient client;

	@BeforeEach
	void client() {
		client = new BulkImportClient(port, driver, "GE" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-");
	}

	@AfterEach
	void cleanUp() {
		client.cleanUp();
	}

	@Test
	void generatedFilesAreConsistentAndImportCleanlyOverHttp() throws Exception {
		long[] assignments = { commands.generate(dir, 200, 7, client.prefix, ImportProgress.NONE).get("ASSIGNMENTS") };

		List<String> customers = Files.readAllLines(dir.resolve("customers.csv"));
		List<String> tags = Files.readAllLines(dir.resolve("assignments.csv"));
		assertThat(customers).hasSize(201);
		assertThat(customers.get(0)).startsWith("id,name");
		assertThat(tags).hasSize((int) assignments[0] + 1);
		assertThat(assignments[0] / 200.0).isBetween(20.0, 40.0);
		// every customer has exactly one customer category (T0101–T0103)
		assertThat(tags.stream().filter(l -> l.matches(".*,T010[123]$")).count()).isEqualTo(200);

		var customerReply = client.customers(Files.readString(dir.resolve("customers.csv")), false);
		assertThat(customerReply.status()).as(customerReply.body().toString()).isEqualTo(200);
		assertThat(customerReply.body().path("counts").path("created").asLong()).isEqualTo(200);
		var assignmentReply = client.assignments(Files.readString(dir.resolve("assignments.csv")), false);
		assertThat(assignmentReply.status()).as(assignmentReply.body().toString()).isEqualTo(200);
		assertThat(assignmentReply.body().path("counts").path("created").asLong()).isEqualTo(assignments[0]);
		assertThat(client.count("MATCH (c:Customer)-[a:HAS_TAG]->() WHERE c.id STARTS WITH $prefix RETURN count(a)",
				Map.of("prefix", client.prefix)))
			.isEqualTo(assignments[0]);
	}

	@Test
	void loadWritesBothFilesAsOneImportAndExitsZero() throws Exception {
		long[] assignments = { commands.generate(dir, 50, 11, client.prefix, ImportProgress.NONE).get("ASSIGNMENTS") };
		var out = new ByteArrayOutputStream();

		int status = commands.execute(
				List.of("load", "--customers", dir.resolve("customers.csv").toString(),
						"--assignments=" + dir.resolve("assignments.csv"), "--no-progress", "--server.port=0"),
				new PrintStream(out, true, StandardCharsets.UTF_8));

		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(status).as(printed).isZero();
		assertThat(printed).contains("customers: 50 rows, 50 created", "COMPLETE");
		String id = printed.replaceAll("(?s).*import (imp-[0-9a-f-]+) COMPLETE.*", "$1");
		client.importIds.add(id);
		assertThat(client.count("MATCH (c:Customer {importId: $id}) RETURN count(c)", Map.of("id", id))).isEqualTo(50);
		assertThat(client.count("MATCH ()-[a:HAS_TAG {importId: $id}]->() RETURN count(a)", Map.of("id", id)))
			.isEqualTo(assignments[0]);
		assertThat(events.stream(CustomersBulkChanged.class)).containsExactly(new CustomersBulkChanged(id, "IMPORTED"));
		assertThat(client.run(id).path("kind").asString()).isEqualTo("LOAD");

		// rolling the load back removes the customers it created with everything on them
		int rolledBack = commands.execute(List.of("rollback", id), new PrintStream(new ByteArrayOutputStream()));
		assertThat(rolledBack).isZero();
		assertThat(client.count("MATCH (c:Customer) WHERE c.id STARTS WITH $prefix RETURN count(c)",
				Map.of("prefix", client.prefix)))
			.isZero();
		assertThat(events.stream(CustomersBulkChanged.class)).contains(new CustomersBulkChanged(id, "ROLLED_BACK"));
	}

	@Test
	void loadRefusesABadFileListsTheErrorsAndExitsNonZero() throws Exception {
		Map<String, Object> before = GraphSnapshot.of(driver);
		Files.writeString(dir.resolve("c.csv"), "id,name\n%s,甲\n".formatted(client.id(1)));
		Files.writeString(dir.resolve("a.csv"),
				"customerId,tagCode\n%1$s,T0101\n%1$s,T0102\n%2$s,T0101\n".formatted(client.id(1), client.id(2)));
		var out = new ByteArrayOutputStream();

		int status = commands.execute(
				List.of("load", "--customers", dir.resolve("c.csv").toString(), "--assignments",
						dir.resolve("a.csv").toString(), "--no-progress"),
				new PrintStream(out, true, StandardCharsets.UTF_8));

		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(status).isEqualTo(1);
		assertThat(printed).contains("2 errors", "assignments.csv:3 [EXCLUSIVE_CONFLICT]",
				"assignments.csv:4 [UNKNOWN_CUSTOMER]", "nor in the customers file", "nothing written");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertThat(events.stream(CustomersBulkChanged.class)).isEmpty();

		assertThat(commands.execute(List.of("load", "--no-progress"), new PrintStream(out))).isEqualTo(2);
		assertThat(commands.execute(List.of("load", "--customers", dir.resolve("missing.csv").toString()),
				new PrintStream(out)))
			.isEqualTo(2);
		assertThat(ImportCommands.command(List.of("--server.port=0"))).isNull();
		assertThat(ImportCommands.command(List.of("--server.port=0", "load", "--customers", "x"))).isEqualTo("load");
	}

}
