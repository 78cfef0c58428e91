# syntax=docker/dockerfile:1
# TagGraph as a container that talks to an external Neo4j (see docker-compose.yml).
# Build: docker build -t taggraph .

# ---- build: the fat jar ---------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# everything the build packages: the POM, Java sources and resources, the GraphQL SDL and the Cypher schema
COPY pom.xml ./
COPY src ./src
COPY graphql ./graphql
COPY cypher ./cypher
# the cache mount (BuildKit, the default builder) keeps ~/.m2 between builds: about 450 MB downloaded once
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

# ---- run: just a JRE and the jar ------------------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system taggraph && useradd --system --gid taggraph --home-dir /app taggraph
WORKDIR /app
COPY --from=build --chown=taggraph:taggraph /build/target/taggraph-0.1.0-SNAPSHOT.jar /app/taggraph.jar
USER taggraph
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/taggraph.jar"]
